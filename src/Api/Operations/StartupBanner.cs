using InventoryProFlow.Silo.Hosting;

namespace InventoryProFlow.Api.Operations;

/// <summary>What a person who just typed `make run` needs: where to go and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(IEnumerable<string> urls, StartupReport? report, TextWriter console)
    {
        var url = urls.Select(u => u.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)).FirstOrDefault() ?? "http://localhost:3000";
        console.WriteLine();
        console.WriteLine("  Inventory Pro Flow is up");
        console.WriteLine($"  App      {url}/");
        console.WriteLine($"  API      {url}/api/v1");
        console.WriteLine($"  Docs     {url}/docs");
        console.WriteLine($"  Health   {url}/health/ready");
        if (report is not null)
        {
            if (report.DemoSeeded)
            {
                console.WriteLine("  Demo     seeded: Three Rivers Bar & Bottle Co., 3 stores and a cocktail bar, Iowa catalogue");
            }

            foreach (var line in report.LoginLines())
            {
                console.WriteLine($"  Login    {line}");
            }
        }

        console.WriteLine();
    }
}
