namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>The real public data files next to the repository (../shared/data), or where IPF_SHARED_DATA points.</summary>
public static class SharedData
{
    public static string PathOf(string fileName)
    {
        string[] folders =
        [
            Environment.GetEnvironmentVariable("IPF_SHARED_DATA") ?? string.Empty,
            Path.Combine(TestPostgres.RepositoryRoot(), "..", "shared", "data"),
            "/work/shared/data",
        ];
        return folders.Where(f => f.Length > 0).Select(f => Path.Combine(f, fileName)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{fileName} is not in ../shared/data next to the repository; set IPF_SHARED_DATA to its folder.");
    }
}
