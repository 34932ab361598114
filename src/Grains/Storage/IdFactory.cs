namespace InventoryProFlow.Grains.Storage;

/// <summary>The one place new ids come from: time-ordered (v7) so inserts stay index-friendly.</summary>
public sealed class IdFactory(TimeProvider time)
{
    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());
}
