using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace InventoryProFlow.Api.Errors;

/// <summary>Gives the envelope to answers that carry a status and no body: unknown routes, wrong methods.</summary>
public static class StatusCodeEnvelopes
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        return http.Response.StatusCode switch
        {
            404 => ErrorResponses.WriteAsync(http, 404, ErrorCodes.NotFound, $"No resource at {http.Request.Path}."),
            405 => ErrorResponses.WriteAsync(http, 405, ErrorCodes.MethodNotAllowed, $"{http.Request.Method} is not allowed on {http.Request.Path}."),
            401 => ErrorResponses.WriteAsync(http, 401, ErrorCodes.Unauthorized, "Sign in first: this request needs a Bearer token."),
            403 => ErrorResponses.WriteAsync(http, 403, ErrorCodes.Forbidden, "Your role may not do this."),
            413 => ErrorResponses.WriteAsync(http, 413, ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts."),
            415 => ErrorResponses.WriteAsync(http, 415, ErrorCodes.UnsupportedMediaType, "Send the body as application/json."),
            400 => ErrorResponses.WriteAsync(http, 400, ErrorCodes.ValidationFailed, "The request is not valid."),
            var status => ErrorResponses.WriteAsync(http, status, status >= 500 ? ErrorCodes.InternalError : ErrorCodes.ValidationFailed, "The request could not be served."),
        };
    }
}
