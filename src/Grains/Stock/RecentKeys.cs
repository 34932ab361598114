using System.IO.Hashing;
using System.Text;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The idempotency keys a movement shard answered in the last one to two minutes, the window in which a POS
/// retries. Kept as 64-bit hashes in two generations, so memory stays small at thousands of keys a minute; a
/// hash that collides only costs a look-up of the stored answer.
/// </summary>
internal sealed class RecentKeys(TimeProvider time)
{
    private static readonly TimeSpan Generation = TimeSpan.FromMinutes(1);

    private HashSet<ulong> _current = [];
    private HashSet<ulong> _previous = [];
    // Monotonic (TimeProvider.GetTimestamp): a generation is a duration, not a time of day.
    private long _rotatedAt = time.GetTimestamp();

    public void Add(MovementKey key)
    {
        Rotate();
        _current.Add(Hash(key));
    }

    public bool Contains(MovementKey key)
    {
        Rotate();
        var hash = Hash(key);
        return _current.Contains(hash) || _previous.Contains(hash);
    }

    private void Rotate()
    {
        var age = time.GetElapsedTime(_rotatedAt);
        if (age < Generation)
        {
            return;
        }

        // After a long quiet spell both generations are stale.
        _previous = age < 2 * Generation ? _current : [];
        _current = [];
        _rotatedAt = time.GetTimestamp();
    }

    private static ulong Hash(MovementKey key) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{key.Scope}/{key.Key}"));
}
