using System.Text.Json;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Errors;

/// <summary>
/// The one place exceptions become answers: a rule's refusal gets its code and a 4xx; a malformed
/// request gets a precise 4xx; anything else is our fault, logged, and a 500 without internals.
/// </summary>
public sealed class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, code, message, details) = Describe(error);
            if (status >= 500)
            {
                logger.LogError(
                    error,
                    "{Method} {Path} failed for user {UserId} of organisation {OrganizationId}",
                    context.Request.Method,
                    context.Request.Path,
                    context.User.FindFirst(Identity.ClaimNames.Subject)?.Value,
                    context.User.FindFirst(Identity.ClaimNames.Organization)?.Value);
            }

            context.Response.Clear();
            await ErrorResponses.WriteAsync(context, status, code, message, details);
        }
    }

    private static (int Status, string Code, string Message, IReadOnlyList<FieldError>? Details) Describe(Exception error) => error switch
    {
        DomainException domain => (StatusOf(domain), domain.Code, domain.Message, domain.Details),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.", null),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ErrorCodes.UnsupportedMediaType, "Send the body as application/json.", null),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        BadHttpRequestException bad => (bad.StatusCode, ErrorCodes.ValidationFailed, Plain(bad.Message), null),
        // A statement the database cancelled at its time limit: a 503 of its own, so a client can tell it from an outage.
        _ when QueryTimeoutException.IsTimeout(error) => (503, ErrorCodes.QueryTimeout, QueryTimeoutException.ForStatement().Message, null),
        // The database or the cluster is briefly out of reach: not the client's fault, and worth a retry.
        _ when ServiceUnavailableException.IsOutage(error) => (503, ErrorCodes.ServiceUnavailable, "The service is briefly unavailable; retry after a few seconds.", null),
        _ => (500, ErrorCodes.InternalError, "Something went wrong on our side. The request id helps us find it.", null),
    };

    private static int StatusOf(DomainException error) => error switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        InvalidCredentialsException or UnauthenticatedException => StatusCodes.Status401Unauthorized,
        ForbiddenException or AccountSuspendedException or EmailNotVerifiedException => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static (int, string, string, IReadOnlyList<FieldError>?) MalformedJson(JsonException json)
    {
        // A syntax error carries the reader's own exception; a value of the wrong type carries none,
        // or the conversion's InvalidOperationException/FormatException.
        if (json.InnerException is not (null or InvalidOperationException or FormatException))
        {
            return (400, ErrorCodes.ValidationFailed, $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine}).", null);
        }

        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        return field is null
            ? (400, ErrorCodes.ValidationFailed, "The request body must be a JSON object with the documented fields.", null)
            : (400, ErrorCodes.ValidationFailed, $"{field} has the wrong type or format.", [new FieldError(field, $"{field} has the wrong type or format.")]);
    }

    // ASP.NET's binding messages name C# parameter types; keep the part a client can act on.
    private static string Plain(string message) =>
        message.Contains("was not provided", StringComparison.Ordinal) || message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "A JSON request body is required."
            : message;
}
