namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Each organisation's share of the database's copying of events to webhooks: <c>Webhooks:FanOutCopiesPerSecond</c>
/// (2,000) outbox copies a second per organisation, per silo. An event row is copied whole, so a tenant with two hundred
/// webhooks whose one push of fifty sales makes 50,000 copies goes into debt for it and rests until its share has paid
/// it back; every other tenant's rows go on being copied each round. Kept in memory: a restarted silo forgives debts.
/// </summary>
public sealed class FanOutShares(int copiesPerSecond, TimeProvider time)
{
    private readonly Dictionary<Guid, (double Owed, long At)> _owed = [];

    public int CopiesPerSecond { get; } = copiesPerSecond > 0
        ? copiesPerSecond
        : throw new ArgumentOutOfRangeException(nameof(copiesPerSecond), "Webhooks:FanOutCopiesPerSecond must be above 0.");

    /// <summary>The organisations that owe more than a second of their share: their rows wait this round.</summary>
    public IReadOnlyCollection<Guid> Resting()
    {
        var resting = new List<Guid>();
        foreach (var (organization, _) in _owed.ToList())
        {
            var owed = Owed(organization);
            if (owed <= 0)
            {
                _owed.Remove(organization);
            }
            else if (owed > CopiesPerSecond)
            {
                resting.Add(organization);
            }
        }

        return resting;
    }

    /// <summary>Adds a round's copies to what each organisation owes.</summary>
    public void Charge(IEnumerable<FannedOut> round)
    {
        foreach (var done in round.Where(d => d.Copies > 0))
        {
            _owed[done.OrganizationId] = (Math.Max(0, Owed(done.OrganizationId)) + done.Copies, time.GetTimestamp());
        }
    }

    private double Owed(Guid organization) =>
        _owed.TryGetValue(organization, out var entry)
            ? entry.Owed - (time.GetElapsedTime(entry.At).TotalSeconds * CopiesPerSecond)
            : 0;
}
