using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>Where a process keeps what it makes on first use (keys, the cluster certificate): IPF_DATA_DIR, else ./.data.</summary>
public static class ProductDataFolder
{
    public static string From(IConfiguration configuration) =>
        configuration["IPF_DATA_DIR"] is { Length: > 0 } folder ? folder : Path.Combine(Directory.GetCurrentDirectory(), ".data");
}
