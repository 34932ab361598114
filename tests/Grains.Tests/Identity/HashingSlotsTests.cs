using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Tests.Identity;

/// <summary>At most so many password hashes at once per node; a hash that cannot get a slot within the wait is refused as a brief outage.</summary>
public sealed class HashingSlotsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_hash_beyond_the_slots_is_refused_as_unavailable_and_runs_once_a_slot_is_free()
    {
        using var slots = new HashingSlots(2, TimeSpan.Zero);
        using var first = Occupy(slots);
        using var second = Occupy(slots);

        var ran = false;
        Assert.Throws<ServiceUnavailableException>(() => slots.Run(() => ran = true));
        Assert.False(ran);

        first.Dispose();
        Assert.True(slots.Run(() => ran = true));
    }

    [Fact]
    public void Every_hash_and_check_of_a_password_takes_a_slot()
    {
        using var slots = new HashingSlots(1, TimeSpan.Zero);
        var hashing = new PasswordHashing(new PasswordHasher<UserDetails>(), slots);
        var stored = hashing.Hash("Slot-Test-Pass-1");

        using (Occupy(slots))
        {
            Assert.Throws<ServiceUnavailableException>(() => hashing.Hash("Slot-Test-Pass-1"));
            Assert.Throws<ServiceUnavailableException>(() => hashing.Verify(stored, "Slot-Test-Pass-1"));
            Assert.Throws<ServiceUnavailableException>(() => hashing.SpendDecoyTime("Slot-Test-Pass-1"));
        }

        Assert.True(hashing.Verify(stored, "Slot-Test-Pass-1").Valid);
    }

    [Fact]
    public void The_slots_are_the_core_count_by_default_and_configurable()
    {
        using var defaults = HashingSlots.From(Configuration([]));
        using var set = HashingSlots.From(Configuration(new() { ["Identity:PasswordHashConcurrency"] = "3", ["Identity:PasswordHashWaitMilliseconds"] = "250" }));

        Assert.Equal((Environment.ProcessorCount, TimeSpan.FromSeconds(2)), (defaults.Concurrency, defaults.Wait));
        Assert.Equal((3, TimeSpan.FromMilliseconds(250)), (set.Concurrency, set.Wait));
        var error = Assert.Throws<InvalidOperationException>(() => HashingSlots.From(Configuration(new() { ["Identity:PasswordHashConcurrency"] = "0" })));
        Assert.Equal("Identity:PasswordHashConcurrency is '0': use a whole number of at least 1.", error.Message);
    }

    // Holds one slot on another thread until disposed: a hash that is taking its time.
    private static Occupant Occupy(HashingSlots slots)
    {
        var occupant = new Occupant();
        occupant.Running = Task.Run(() => slots.Run(() =>
        {
            occupant.Inside.Set();
            return occupant.Release.Wait(Deadline);
        }));
        Assert.True(occupant.Inside.Wait(Deadline), "the occupant never got its slot");
        return occupant;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class Occupant : IDisposable
    {
        public ManualResetEventSlim Inside { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public Task Running { get; set; } = Task.CompletedTask;

        private bool _left;

        public void Dispose()
        {
            if (_left)
            {
                return;
            }

            _left = true;
            Release.Set();
            Assert.True(Running.Wait(Deadline), "the occupant never left its slot");
            Inside.Dispose();
            Release.Dispose();
        }
    }
}
