using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// A hub method's refusal (a <see cref="HubException"/>, "NOT_FOUND: ...") is the client's mistake and goes back to it
/// unlogged; anything else is ours: logged as an error and answered INTERNAL_ERROR without internals. (SignalR's own
/// dispatcher would log both as errors, so its log is turned down in appsettings.json.)
/// </summary>
public sealed class HubErrors(ILogger<HubErrors> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception error) when (error is not HubException)
        {
            logger.LogError(error, "Hub method {HubMethod} failed", invocationContext.HubMethodName);
            throw new HubException("INTERNAL_ERROR: Something went wrong on our side.");
        }
    }
}
