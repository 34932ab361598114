using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Walks one organisation's entries in sequence order and says where the chain first breaks: a sequence number
/// missing (an entry deleted), a link to the previous entry that does not match (an entry replaced or rehashed),
/// an entry whose content no longer gives its hash (edited), or a chain that stops short of its head (newest deleted).
/// A walk may start at a checkpoint instead of the first entry: the entries before it are trusted as an earlier walk found them.
/// </summary>
public sealed class AuditChainCheck
{
    private readonly ChainHead? _checkpoint;
    private ChainHead _last = new(0, AuditHash.Genesis);
    private AuditVerification? _broken;
    private long _entries;
    // An incremental walk starts by reading the checkpointed entry again: until it has, the walk has no footing.
    private bool _anchored = true;

    /// <summary>A walk from the first entry.</summary>
    public AuditChainCheck()
    {
    }

    /// <summary>A walk from <paramref name="checkpoint"/>, the last entry an earlier walk found whole: its first entry must be that one, unchanged.</summary>
    public AuditChainCheck(ChainHead checkpoint)
    {
        _checkpoint = checkpoint;
        _last = checkpoint;
        _anchored = false;
    }

    /// <summary>The last entry checked, while the chain is whole: where a walk that stops here may resume.</summary>
    public ChainHead? Verified => _broken is null && _anchored && _last.Sequence > 0 ? _last : null;

    /// <summary>Checks the next entry; false once the chain is broken (later entries are only counted).</summary>
    public bool Next(ChainedEntry entry)
    {
        _entries++;
        if (_broken is not null)
        {
            return false;
        }

        if (!_anchored)
        {
            // The checkpointed entry itself: still there, with the hash verified then, and its content still giving it.
            _anchored = true;
            _broken = entry.Sequence != _last.Sequence ? Broken(_last.Sequence, AuditProblems.MissingEntry)
                : AuditHash.Of(entry) != entry.Hash ? Broken(entry.Sequence, AuditProblems.HashMismatch)
                : entry.Hash != _last.Hash ? Broken(entry.Sequence, AuditProblems.BrokenLink)
                : null;
            return _broken is null;
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
        if (_broken is null && !_anchored)
        {
            _broken = Broken(_last.Sequence, AuditProblems.MissingEntry);
        }

        if (_broken is not null)
        {
            return _broken with { Entries = _entries };
        }

        var recorded = head ?? new ChainHead(0, AuditHash.Genesis);
        return recorded == _last
            ? Outcome(true, null, null)
            : Outcome(false, Math.Min(_last.Sequence, recorded.Sequence) + 1, AuditProblems.MissingTail);
    }

    private AuditVerification Broken(long sequence, string problem) => Outcome(false, sequence, problem);

    private AuditVerification Outcome(bool verified, long? sequence, string? problem) =>
        new(verified, _entries, sequence, problem, _checkpoint?.Sequence ?? 1, Full: _checkpoint is null);
}
