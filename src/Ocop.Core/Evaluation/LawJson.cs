using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ocop.Core.Evaluation;

/// <summary>
/// Stores the law's records (legal bases, processes, scoresheets) as JSON documents, so that a published
/// version is kept exactly as it was and read back into the same model. Only the records' own data is
/// written: computed properties (totals, scored-criteria views) are derived again on reading.
/// </summary>
public static class LawJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new PointsConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyStoredProperties } },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} document.");

    // A property without a setter is computed from the others (e.g. Scoresheet.TotalMax): never stored.
    private static void OnlyStoredProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>Points read as people write them ("4.5"), stored exactly in tenths.</summary>
    private sealed class PointsConverter : JsonConverter<Points>
    {
        public override Points Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(checked((int)decimal.Round(reader.GetDecimal() * 10m)));

        public override void Write(Utf8JsonWriter writer, Points value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.Value);
    }
}
