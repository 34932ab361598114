using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Tests.Webhooks;

public class FanOutSharesTests
{
    private static readonly Guid Flooder = Guid.NewGuid();
    private static readonly Guid Neighbour = Guid.NewGuid();

    [Fact]
    public void An_organisation_whose_round_made_more_copies_than_a_second_of_its_share_rests_and_the_others_do_not()
    {
        var clock = new SteppedClock();
        var shares = new FanOutShares(2_000, clock);

        shares.Charge([new FannedOut(Flooder, 1, 50_000), new FannedOut(Neighbour, 10, 500)]);

        Assert.Equal([Flooder], shares.Resting());
    }

    [Fact]
    public void A_debt_is_paid_back_at_the_share_a_second_and_then_forgotten()
    {
        var clock = new SteppedClock();
        var shares = new FanOutShares(2_000, clock);
        shares.Charge([new FannedOut(Flooder, 1, 50_000)]);

        clock.Advance(TimeSpan.FromSeconds(23));
        Assert.Contains(Flooder, shares.Resting()); // 4,000 still owed

        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Empty(shares.Resting()); // 1,000 owed: less than a second's share, so it copies again

        shares.Charge([new FannedOut(Flooder, 1, 1_500)]);
        Assert.Contains(Flooder, shares.Resting()); // 2,500

        clock.Advance(TimeSpan.FromSeconds(60));
        shares.Charge([new FannedOut(Flooder, 1, 2_100)]);
        Assert.Contains(Flooder, shares.Resting()); // a paid debt leaves no credit behind: 2,100 owed, not 2,100 - 117,500
    }

    [Fact]
    public void A_share_of_nothing_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FanOutShares(0, new SteppedClock()));
        Assert.Contains("Webhooks:FanOutCopiesPerSecond", error.Message);
    }

    /// <summary>A clock whose stopwatch moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
