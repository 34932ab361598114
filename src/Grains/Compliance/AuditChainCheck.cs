using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Walks one organisation's entries in sequence order and says where the chain first breaks: a sequence number
/// missing (an entry deleted), a link to the previous entry that does not match (an entry replaced or rehashed),
/// an entry whose content no longer gives its hash (edited), or a chain that stops short of its head (newest deleted).
/// </summary>
public sealed class AuditChainCheck
{
    private ChainHead _last = new(0, AuditHash.Genesis);
    private AuditVerification? _broken;
    private long _entries;

    /// <summary>Checks the next entry; false once the chain is broken (later entries are only counted).</summary>
    public bool Next(ChainedEntry entry)
    {
        _entries++;
        if (_broken is not null)
        {
            return false;
        }

        var expected = _last.Sequence + 1;
        _broken = entry.Sequence != expected ? Broken(expected, AuditProblems.MissingEntry)
            : entry.PreviousHash != _last.Hash ? Broken(entry.Sequence, AuditProblems.BrokenLink)
            : AuditHash.Of(entry) != entry.Hash ? Broken(entry.Sequence, AuditProblems.HashMismatch)
            : null;
        _last = new ChainHead(entry.Sequence, entry.Hash);
        return _broken is null;
    }

    /// <summary>The outcome, given the head the appends recorded (none: the organisation never had an entry).</summary>
    public AuditVerification Finish(ChainHead? head)
    {
        if (_broken is not null)
        {
            return _broken with { Entries = _entries };
        }

        var recorded = head ?? new ChainHead(0, AuditHash.Genesis);
        return recorded == _last
            ? new AuditVerification(true, _entries)
            : new AuditVerification(false, _entries, Math.Min(_last.Sequence, recorded.Sequence) + 1, AuditProblems.MissingTail);
    }

    private AuditVerification Broken(long sequence, string problem) => new(false, _entries, sequence, problem);
}
