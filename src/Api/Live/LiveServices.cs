using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

public static class LiveServices
{
    /// <summary>The hub, its filters and this node's place in the cluster's list of hubs.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(LiveLimits.From(configuration));
        services.AddSingleton<HubErrors>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<HubCallGate>();
        services.AddSingleton<LiveSessionExpiry>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveSessionExpiry>());
        services.AddSignalR(options =>
        {
            // Outermost first: errors are mapped for every filter after it; a connection over the cap is refused before it is tracked.
            options.AddFilter<HubErrors>();
            options.AddFilter<LiveConnections>();
            options.AddFilter<LiveSessionExpiry>();
            options.AddFilter<HubCallGate>();
        }).AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<LiveHubNode>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveHubNode>());
        return services;
    }
}
