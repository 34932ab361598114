using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Templates;

namespace InventoryProFlow.Silo.Logging;

/// <summary>
/// Serilog writing one JSON object per line in the seed's shape:
/// timestamp, level, service, requestId, traceId, spanId, userId, organizationId, message, metadata.
/// traceId and spanId are the current activity's: in the Api, the HTTP request's; in a grain, the request's that called it.
/// </summary>
public static class JsonLogs
{
    private const string Template =
        "{ {timestamp: UtcDateTime(@t), level: if @l = 'Information' then 'info' else if @l = 'Warning' then 'warn' else if @l = 'Error' then 'error' " +
        "else if @l = 'Fatal' then 'fatal' else if @l = 'Debug' then 'debug' else 'verbose', " +
        "service: Service, requestId: Coalesce(XRequestId, GrainRequestId), traceId: Coalesce(@tr, GrainTraceId), spanId: Coalesce(@sp, GrainSpanId), " +
        "userId: UserId, organizationId: OrganizationId, message: @m, " +
        "metadata: rest(), error: if IsDefined(@x) then ToString(@x) else undefined()} }\n";

    public static LoggerConfiguration Configure(LoggerConfiguration logs, IConfiguration configuration, string service) =>
        logs.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<GrainCallRequest>()
            .Enrich.WithProperty("Service", service)
            .WriteTo.Console(new ExpressionTemplate(Template));
}
