using System.Data.Common;

namespace InventoryProFlow.Contracts.Errors;

/// <summary>
/// PostgreSQL cancelled one of the request's statements at its <c>statement_timeout</c> (SQLSTATE 57014): 503
/// QUERY_TIMEOUT with Retry-After. Not the client's fault as such, but often a sign the request asks for too much at
/// once (a long range, every location), which the message says. Silos raise it in place of the driver's exception,
/// which Orleans cannot carry from one process to another.
/// </summary>
[GenerateSerializer, Alias("ipf.QueryTimeoutException.v1")]
public sealed class QueryTimeoutException(string message) : Exception(message)
{
    /// <summary>query_canceled: a statement timeout, or a cancel sent to the backend.</summary>
    public const string QueryCanceled = "57014";

    public static QueryTimeoutException ForStatement() =>
        new("The database stopped this request: it ran longer than its time limit allows. Ask for less at once (a shorter range, one location) or retry later.");

    /// <summary>A statement timeout whose exception Orleans could not carry to another process: it is to be raised as this one instead.</summary>
    public static bool MustReplace(Exception error) => error is not QueryTimeoutException && IsTimeout(error);

    /// <summary>Whether <paramref name="error"/> or one of its causes is a statement cancelled by the database.</summary>
    public static bool IsTimeout(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is QueryTimeoutException or DbException { SqlState: QueryCanceled })
            {
                return true;
            }
        }

        return false;
    }
}
