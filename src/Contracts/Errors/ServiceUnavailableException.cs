using System.Data.Common;

namespace InventoryProFlow.Contracts.Errors;

/// <summary>
/// The database or the cluster is briefly out of reach: not the caller's fault, worth a retry. Silos raise it in
/// place of the driver's own exception, which Orleans cannot carry from one process to another (an Api node in
/// Client mode, or another silo, would get a codec failure, and the client a 500).
/// </summary>
[GenerateSerializer, Alias("ipf.ServiceUnavailableException.v1")]
public sealed class ServiceUnavailableException(string message) : Exception(message)
{
    /// <summary>An outage whose exception Orleans could not carry to another process: it is to be raised as this one instead.</summary>
    public static bool MustReplace(Exception error) => error is not ServiceUnavailableException && IsOutage(error);

    public static ServiceUnavailableException ForDatabase() => new("The database is briefly out of reach.");

    /// <summary>Whether <paramref name="error"/> or one of its causes is an outage rather than a fault of ours.</summary>
    public static bool IsOutage(Exception? error)
    {
        // Orleans may wrap the database's refusal (a grain whose state could not load), so look through the causes.
        for (; error is not null; error = error.InnerException)
        {
            if (error is ServiceUnavailableException or DbException { IsTransient: true } or OrleansMessageRejectionException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
