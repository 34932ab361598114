namespace InventoryProFlow.Api.Identity;

/// <summary>A file that holds a private key: readable by its owner only from the moment it exists, never chmod-ed after writing.</summary>
public static class PrivateKeyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (a stale file there is removed first, since its mode may be wider) with mode 0600.</summary>
    public static FileStream Create(string path)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return new FileStream(path, options);
    }

    public static void Write(string path, string text)
    {
        using var file = Create(path);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }
}
