namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>Waits for something the product does in the background (a reminder, a delivery), with a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> Found<T>(Func<Task<T?>> read, string what, TimeSpan? within = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what}.");
            await Task.Delay(100);
        }
    }
}
