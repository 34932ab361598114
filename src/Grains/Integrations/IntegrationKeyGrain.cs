using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Integrations;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// One API key (by its hash): reads what it unlocks and answers from memory, so a POS pushing thousands of
/// sales costs no credential query per request. Revoking tells this grain at once; and it reads the row again
/// every minute anyway, so a revoke whose message was lost still takes effect.
/// </summary>
public sealed class IntegrationKeyGrain(IntegrationRepository integrations, TimeProvider time) : Grain, IIntegrationKeyGrain
{
    private static readonly TimeSpan ReadAgainAfter = TimeSpan.FromMinutes(1);

    private IntegrationCredential? _credential;
    private long _readAt;

    public async Task<IntegrationCredential?> Credential()
    {
        if (_credential is null || time.GetElapsedTime(_readAt) > ReadAgainAfter)
        {
            _credential = await integrations.Credential(GrainKeys.ParseIntegrationKey(this.GetPrimaryKeyString()));
            _readAt = time.GetTimestamp();
            if (_credential is null)
            {
                // An unknown or revoked key is not kept: someone guessing keys must not fill the silo with activations.
                DeactivateOnIdle();
            }
        }

        return _credential;
    }

    public Task Forget()
    {
        _credential = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
