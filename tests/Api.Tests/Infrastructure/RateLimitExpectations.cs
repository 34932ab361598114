using System.Net;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>What a rate-limited answer must carry: the X-RateLimit-* headers, and on refusal 429 with Retry-After.</summary>
public static class RateLimitExpectations
{
    public static ApiResponse ShouldShowLimit(this ApiResponse response, int limit, int remaining, DateTimeOffset resetsAt)
    {
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(resetsAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Reset").Single());
        return response;
    }

    /// <summary>Refused 429 RATE_LIMITED, told to come back when the window ends, <paramref name="now"/> being the limits' clock.</summary>
    public static ApiResponse ShouldBeRateLimited(this ApiResponse response, int limit, DateTimeOffset resetsAt, DateTimeOffset now)
    {
        response.ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED").ShouldShowLimit(limit, 0, resetsAt);
        var seconds = (int)Math.Ceiling((resetsAt - now).TotalSeconds);
        Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter?.Delta);
        Assert.Contains($"Retry after {seconds} seconds, at {resetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}", response.ErrorMessage, StringComparison.Ordinal);
        return response;
    }

    public static void ShouldShowNoLimit(this ApiResponse response) =>
        Assert.False(response.Headers.Contains("X-RateLimit-Limit"), "an unlimited answer carries no X-RateLimit-* headers");

    /// <summary>The end of the window <paramref name="now"/> falls in: windows are whole minutes or hours of UTC.</summary>
    public static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan length) =>
        new(now.UtcTicks - (now.UtcTicks % length.Ticks) + length.Ticks, TimeSpan.Zero);
}
