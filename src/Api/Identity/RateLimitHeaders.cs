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

    private static readonly object TightestKey = new();

    /// <summary>
    /// Adds the headers as the answer starts, so an error answer (whose headers the error envelope clears) carries
    /// them too: a failed sign-in still says how many attempts are left. When two limits apply to one request (a POS
    /// client's hourly calls and its sale lines), the headers tell of the tighter: a refusal, else the fewest left.
    /// </summary>
    public static void Write(HttpResponse response, RateLimitDecision decision)
    {
        var items = response.HttpContext.Items;
        var first = !items.ContainsKey(TightestKey);
        items[TightestKey] = Tighter(items[TightestKey] as RateLimitDecision, decision);
        if (first)
        {
            response.OnStarting(
                static state =>
                {
                    var response = (HttpResponse)state;
                    Set(response, (RateLimitDecision)response.HttpContext.Items[TightestKey]!);
                    return Task.CompletedTask;
                },
                response);
        }
    }

    /// <summary>Answers 429; <paramref name="spent"/> says which allowance ran out, as a sentence.</summary>
    public static Task RefuseAsync(HttpContext context, RateLimitDecision decision, string spent)
    {
        context.Items[TightestKey] = decision;
        Set(context.Response, decision);
        context.Response.Headers.RetryAfter = decision.SecondsToReset.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{spent} Retry after {decision.SecondsToReset} seconds, at {decision.ResetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        return ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, message);
    }

    private static RateLimitDecision Tighter(RateLimitDecision? kept, RateLimitDecision next) =>
        kept is null || (kept.Allowed && (!next.Allowed || next.Remaining < kept.Remaining)) ? next : kept;

    private static void Set(HttpResponse response, RateLimitDecision decision)
    {
        response.Headers[Limit] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[Remaining] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[Reset] = decision.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }
}
