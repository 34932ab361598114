using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Integrations;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// One API key (by its hash): reads what it unlocks once and answers from memory, so a POS pushing
/// thousands of sales costs no credential query per request. Revoking tells this grain at once.
/// </summary>
public sealed class IntegrationKeyGrain(IntegrationRepository integrations) : Grain, IIntegrationKeyGrain
{
    private IntegrationCredential? _credential;
    private bool _read;

    public async Task<IntegrationCredential?> Credential()
    {
        if (!_read)
        {
            _credential = await integrations.Credential(GrainKeys.ParseIntegrationKey(this.GetPrimaryKeyString()));
            // An unknown key is not remembered: someone guessing keys must not fill the silo with activations' answers.
            _read = _credential is not null;
            if (!_read)
            {
                DeactivateOnIdle();
            }
        }

        return _credential;
    }

    public Task Forget()
    {
        _credential = null;
        _read = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
