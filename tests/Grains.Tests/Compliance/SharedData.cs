namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>
/// The real public data sets of shared/data, beside the repository (../shared/data from the folder holding
/// InventoryProFlow.sln), wherever the tests run from; /work/shared/data as a last resort.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InventoryProFlow.sln")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(beside))
                {
                    return beside;
                }
            }
        }

        return Directory.Exists("/work/shared/data")
            ? "/work/shared/data"
            : throw new DirectoryNotFoundException($"shared/data not found beside the repository above {AppContext.BaseDirectory} nor at /work/shared/data.");
    });

    public static string Folder => Found.Value;
}
