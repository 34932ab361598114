using System.Text.RegularExpressions;
using Serilog.Context;

namespace InventoryProFlow.Api.Errors;

/// <summary>
/// Every answer carries X-Request-Id: the caller's, when it is a sane token, so a POS can correlate;
/// otherwise a new one. The id is in every log line of the request.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";
    public const string LogProperty = "XRequestId";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        context.TraceIdentifier = SaneId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        // Not "RequestId": ASP.NET's hosting scope already uses that name for its own connection-based id.
        using (LogContext.PushProperty(LogProperty, context.TraceIdentifier))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SaneId();
}
