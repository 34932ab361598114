namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// What Kestrel itself says and accepts, before any of our code runs: no Server header naming the software, and
/// request lines and headers no larger than a browser or POS ever sends (answered 414 and 431 by Kestrel).
/// </summary>
public static class KestrelHardening
{
    /// <summary>Method, path and query string: room for any list filter, not for a payload smuggled in the URL.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>All headers together: a bearer token is about 1 KB.</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;

    public static WebApplicationBuilder HardenKestrel(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        });
        return builder;
    }
}
