using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// The saved form of a <see cref="DemandModel"/>: a zip holding ML.NET's own model file and a JSON of the
/// options, calibration and summary, so a stored model still explains itself when read by hand.
/// </summary>
internal static class DemandModelArchive
{
    // Raised when the features change: a model saved under other features must be retrained, not misread.
    private const int FormatVersion = 3;
    private const string TreesEntry = "trees.mlnet.zip";
    private const string MedianTreesEntry = "median-trees.mlnet.zip";
    private const string StateEntry = "model.json";

    private sealed record State(int FormatVersion, DemandModelOptions Options, ForecastCalibration Calibration, DemandModelSummary Summary);

    public static byte[] Write(DemandModel model)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var state = zip.CreateEntry(StateEntry, CompressionLevel.Optimal).Open())
            {
                JsonSerializer.Serialize(state, new State(FormatVersion, model.Options, model.Calibration, model.Summary));
            }

            Put(zip, TreesEntry, model.Context, model.Trees);
            Put(zip, MedianTreesEntry, model.Context, model.MedianTrees);
        }

        return buffer.ToArray();
    }

    public static DemandModel Read(byte[] saved)
    {
        using var zip = new ZipArchive(new MemoryStream(saved), ZipArchiveMode.Read);
        var stateEntry = zip.GetEntry(StateEntry) ?? throw new InvalidDataException("Not a saved demand model: model.json is missing.");
        State state;
        using (var stream = stateEntry.Open())
        {
            state = JsonSerializer.Deserialize<State>(stream) ?? throw new InvalidDataException("The saved demand model's model.json is empty.");
        }

        if (state.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"The saved demand model has format {state.FormatVersion}; this build reads {FormatVersion}: retrain it.");
        }

        var ml = new MLContext(state.Options.Seed);
        return new DemandModel(ml, Take(zip, TreesEntry, ml), Take(zip, MedianTreesEntry, ml), state.Options, state.Calibration, state.Summary);
    }

    private static void Put(ZipArchive zip, string name, MLContext ml, ITransformer? trees)
    {
        if (trees is null)
        {
            return;
        }

        var schema = ml.Data.LoadFromEnumerable(Array.Empty<DemandExample>()).Schema;
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        ml.Model.Save(trees, schema, entry);
    }

    private static ITransformer? Take(ZipArchive zip, string name, MLContext ml)
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        // ML.NET needs a seekable stream; the zip entry is not one.
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return ml.Model.Load(copy, out _);
    }
}
