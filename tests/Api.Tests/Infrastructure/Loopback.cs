using System.Net;
using System.Net.Sockets;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>What the tests need of this machine: a free loopback port, and the product's programs as built.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A program of src/ built in the same configuration as these tests (Release under `make test`).</summary>
    public static string BuiltProgram(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(TestPostgres.RepositoryRoot(), "src", project, "bin", configuration, "net10.0", $"InventoryProFlow.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/{project} first.", path);
    }
}
