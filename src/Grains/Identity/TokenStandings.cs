using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Whether a token's holder still stands: a user who is active and has the security stamp the token carries, or a
/// client not revoked. The organisation gate's memory of its callers: each read from the database on first sight,
/// all forgotten every minute (a change made behind the gate's back counts within it) and one at once when the
/// gate is told it changed. Bounded, so an organisation with very many callers costs a read a minute each, not memory.
/// </summary>
public sealed class TokenStandings(UserRepository users, IntegrationClientRepository clients, TimeProvider time)
{
    private static readonly TimeSpan RereadEvery = TimeSpan.FromMinutes(1);
    private const int MostRemembered = 10_000;

    // A user's stamp while they are active, null when they are not (or not of this organisation); a client's liveness.
    private readonly Dictionary<Guid, int?> _stamps = [];
    private readonly Dictionary<Guid, bool> _clients = [];
    private long _readAt;

    public async Task<bool> Stands(Guid organizationId, TokenHolder holder)
    {
        if (time.GetElapsedTime(_readAt) >= RereadEvery || _stamps.Count + _clients.Count >= MostRemembered)
        {
            _stamps.Clear();
            _clients.Clear();
            _readAt = time.GetTimestamp();
        }

        if (holder.IsClient)
        {
            if (!_clients.TryGetValue(holder.SubjectId, out var live))
            {
                live = await clients.IsLive(organizationId, holder.SubjectId);
                _clients[holder.SubjectId] = live;
            }

            return live;
        }

        if (!_stamps.TryGetValue(holder.SubjectId, out var stamp))
        {
            stamp = await users.ActiveStamp(organizationId, holder.SubjectId);
            _stamps[holder.SubjectId] = stamp;
        }

        return stamp == holder.SecurityStamp;
    }

    public void Forget(Guid subjectId)
    {
        _stamps.Remove(subjectId);
        _clients.Remove(subjectId);
    }
}
