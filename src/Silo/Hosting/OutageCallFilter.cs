using InventoryProFlow.Contracts.Errors;
using Microsoft.Extensions.Logging;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// Every grain call that fails because PostgreSQL (or the cluster) is out of reach fails with a
/// <see cref="ServiceUnavailableException"/> instead: Npgsql's exceptions have no Orleans codec, so across processes
/// they would arrive as a codec failure and the client would answer 500 where it owes a 503 with Retry-After.
/// </summary>
public sealed partial class OutageCallFilter(ILogger<OutageCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (QueryTimeoutException.MustReplace(error))
        {
            TimedOut(logger, context.InterfaceName, context.MethodName, error.GetBaseException().Message);
            throw QueryTimeoutException.ForStatement();
        }
        catch (Exception error) when (ServiceUnavailableException.MustReplace(error))
        {
            OutOfReach(logger, context.InterfaceName, context.MethodName, error.GetBaseException().Message);
            throw ServiceUnavailableException.ForDatabase();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}.{Method} ran past its statement timeout: {Reason}")]
    private static partial void TimedOut(ILogger logger, string grain, string method, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}.{Method} failed while the database was out of reach: {Reason}")]
    private static partial void OutOfReach(ILogger logger, string grain, string method, string reason);
}
