using Serilog.Core;
using Serilog.Events;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// Keeps what the product logs (at the tests' level, Warning and above), through a Serilog sink the product reads from
/// its container: the same lines it writes to standard output, for tests that read what an operator would.
/// </summary>
public sealed class LogCatcher : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> All
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }

    /// <summary>A property's text, or null when the event has no such string property.</summary>
    public static string? Text(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string text } ? text : null;
}
