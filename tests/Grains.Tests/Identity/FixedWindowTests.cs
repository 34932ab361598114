using InventoryProFlow.Grains.Identity;

namespace InventoryProFlow.Grains.Tests.Identity;

public sealed class FixedWindowTests
{
    private static readonly DateTimeOffset HalfPastThree = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_limit_passes_then_each_request_is_refused_until_the_window_ends()
    {
        var hour = new FixedWindow(TimeSpan.FromHours(1));

        var passed = Enumerable.Range(0, 3).Select(i => hour.Count(HalfPastThree.AddMinutes(i), 3)).ToList();
        var refused = hour.Count(HalfPastThree.AddMinutes(29).AddSeconds(59.2), 3);

        Assert.All(passed, d => Assert.True(d.Allowed));
        Assert.Equal([2, 1, 0], passed.Select(d => d.Remaining));
        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Remaining);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), refused.ResetsAt);
        Assert.Equal(1, refused.SecondsToReset);
        Assert.Equal(1800, passed[0].SecondsToReset);
    }

    [Fact]
    public void A_new_window_starts_at_the_clock_boundary_with_the_whole_allowance()
    {
        var minute = new FixedWindow(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            minute.Count(HalfPastThree.AddSeconds(10), 5);
        }

        Assert.False(minute.Count(HalfPastThree.AddSeconds(59.999), 5).Allowed);
        var next = minute.Count(HalfPastThree.AddMinutes(1), 5);

        Assert.True(next.Allowed);
        Assert.Equal(4, next.Remaining);
        Assert.Equal(HalfPastThree.AddMinutes(2), next.ResetsAt);
        Assert.Equal(60, next.SecondsToReset);
    }

    [Fact]
    public void Refused_requests_are_not_counted()
    {
        var minute = new FixedWindow(TimeSpan.FromMinutes(1));
        minute.Count(HalfPastThree, 1);
        for (var i = 0; i < 10; i++)
        {
            Assert.False(minute.Count(HalfPastThree.AddSeconds(i), 1).Allowed);
        }

        Assert.True(minute.Count(HalfPastThree.AddMinutes(1), 1).Allowed);
    }

    [Fact]
    public void A_limit_lowered_below_what_was_spent_leaves_none_remaining_not_fewer()
    {
        var hour = new FixedWindow(TimeSpan.FromHours(1));
        for (var i = 0; i < 4; i++)
        {
            hour.Count(HalfPastThree, 5);
        }

        var lowered = hour.Count(HalfPastThree.AddMinutes(1), 3);

        Assert.False(lowered.Allowed);
        Assert.Equal(0, lowered.Remaining);
    }

    [Fact]
    public void Peeking_reports_the_window_and_counts_nothing()
    {
        var hour = new FixedWindow(TimeSpan.FromHours(1));
        hour.Count(HalfPastThree, 5);
        hour.Count(HalfPastThree, 5);

        var seen = hour.Peek(HalfPastThree.AddMinutes(5));
        var again = hour.Peek(HalfPastThree.AddMinutes(6));
        var nextHour = hour.Peek(HalfPastThree.AddHours(1));

        Assert.Equal((2, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)), seen);
        Assert.Equal(seen, again);
        Assert.Equal(0, nextHour.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero), nextHour.ResetsAt);
    }

    [Fact]
    public void Units_are_counted_all_or_none_and_a_check_counts_nothing()
    {
        var minute = new FixedWindow(TimeSpan.FromMinutes(1));

        var first = minute.Count(HalfPastThree, 10, 6);
        var checkedOnly = minute.Check(HalfPastThree, 10, 4);
        var tooMany = minute.Count(HalfPastThree, 10, 5);
        var exact = minute.Count(HalfPastThree, 10, 4);

        Assert.Equal((true, 4), (first.Allowed, first.Remaining));
        Assert.Equal((true, 4), (checkedOnly.Allowed, checkedOnly.Remaining));
        Assert.Equal((false, 4), (tooMany.Allowed, tooMany.Remaining));
        Assert.Equal((true, 0), (exact.Allowed, exact.Remaining));
        Assert.Equal(10, minute.Peek(HalfPastThree).Count);
    }
}
