using System.Globalization;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// How a limited route tells its caller where it stands: X-RateLimit-Limit, X-RateLimit-Remaining and
/// X-RateLimit-Reset (unix seconds, UTC, when the window ends) on every answer; when refused, 429 RATE_LIMITED
/// with Retry-After (seconds) and a message saying when.
/// </summary>
public static class RateLimitHeaders
{
    public const string Limit = "X-RateLimit-Limit";
    public const string Remaining = "X-RateLimit-Remaining";
    public const string Reset = "X-RateLimit-Reset";

    // A refusal's headers name the window that refused; another window's headers, written as the answer starts, must not replace them.
    private static readonly object Refused = new();

    /// <summary>
    /// Adds the headers as the answer starts, so an error answer (whose headers the error envelope clears) carries
    /// them too: a failed sign-in still says how many attempts are left.
    /// </summary>
    public static void Write(HttpResponse response, RateLimitDecision decision) =>
        response.OnStarting(
            static state =>
            {
                var (response, decision) = ((HttpResponse, RateLimitDecision))state;
                if (!response.HttpContext.Items.ContainsKey(Refused))
                {
                    Set(response, decision);
                }

                return Task.CompletedTask;
            },
            (response, decision));

    /// <summary>Answers 429; <paramref name="spent"/> says which allowance ran out, as a sentence.</summary>
    public static Task RefuseAsync(HttpContext context, RateLimitDecision decision, string spent)
    {
        Set(context.Response, decision);
        context.Items[Refused] = true;
        context.Response.Headers.RetryAfter = decision.SecondsToReset.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{spent} Retry after {decision.SecondsToReset} seconds, at {decision.ResetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        return ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, message);
    }

    private static void Set(HttpResponse response, RateLimitDecision decision)
    {
        response.Headers[Limit] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[Remaining] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[Reset] = decision.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }
}
