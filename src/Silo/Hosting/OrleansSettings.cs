using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>How this process joins Orleans (configuration section "Orleans").</summary>
public sealed record OrleansSettings(
    OrleansMode Mode,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    string AdvertisedAddress,
    MembershipSettings Membership)
{
    public static OrleansSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        var mode = section["Mode"] ?? nameof(OrleansMode.Embedded);
        if (!Enum.TryParse<OrleansMode>(mode, ignoreCase: true, out var parsed))
        {
            throw new InvalidOperationException($"Orleans:Mode '{mode}' is not one of Embedded, Cluster, Client.");
        }

        return new OrleansSettings(
            parsed,
            section["ClusterId"] ?? "ipf",
            section["ServiceId"] ?? "inventory-pro-flow",
            section.GetValue("SiloPort", 11111),
            section.GetValue("GatewayPort", 30000),
            section["AdvertisedAddress"] ?? "127.0.0.1",
            MembershipSettings.From(section.GetSection("Membership")));
    }
}

public enum OrleansMode
{
    /// <summary>One process: the Api co-hosts a silo with localhost clustering.</summary>
    Embedded,

    /// <summary>A silo that joins others through ADO.NET clustering on PostgreSQL.</summary>
    Cluster,

    /// <summary>An Api node without a silo, calling a cluster as an Orleans client.</summary>
    Client,
}
