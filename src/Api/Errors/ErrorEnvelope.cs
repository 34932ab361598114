using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Errors;

/// <summary>The error envelope of DESIGN.md section 6.</summary>
public sealed record ErrorEnvelope(bool Success, ErrorBody Error);

public sealed record ErrorBody(string Code, string Message, IReadOnlyList<FieldError> Details, DateTime Timestamp, string RequestId);

/// <summary>Writes the envelope; every error answer of the Api goes through here.</summary>
public static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, IReadOnlyList<FieldError>? details = null)
    {
        context.Response.StatusCode = status;
        // A rate limit sets its own Retry-After: the seconds until its window ends.
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable && context.Response.Headers.RetryAfter.Count == 0)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var envelope = new ErrorEnvelope(false, new ErrorBody(code, message, details ?? [], time.GetUtcNow().UtcDateTime, context.TraceIdentifier));
        return context.Response.WriteAsJsonAsync(envelope, ApiJson.Options);
    }
}
