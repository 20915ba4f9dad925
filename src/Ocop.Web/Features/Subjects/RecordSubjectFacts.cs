using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// The subject form's dated facts: the registration (or establishment) date, and the legal form, green value chain
/// (with its raw-material area and evidence) and channels as from the day a change took effect. Earlier periods stay
/// as recorded (<see cref="FactTimeline"/>); a new subject's facts begin on its registration date. Nothing is changed
/// unless every part is allowed; the refusals come back by the field of <see cref="SaveSubject.Command"/>, in Vietnamese.
/// </summary>
public static class RecordSubjectFacts
{
    /// <param name="EffectiveOn">The day the changes took effect (ignored for a new subject: its facts begin at registration).</param>
    public sealed record Command(DateOnly RegisteredOn, LegalForm LegalForm, bool GreenValueChain, decimal? RawMaterialAreaHa, string? RawMaterialEvidence,
        SalesChannels Channels, DateOnly EffectiveOn);

    public static async Task<Dictionary<string, string>> RunAsync(OcopDbContext db, Subject subject, bool isNew, Command command, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(command);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var green = command.GreenValueChain ? new GreenChain(command.RawMaterialAreaHa, command.RawMaterialEvidence) : null;
        if (isNew)
        {
            if (command.RegisteredOn > today)
            {
                problems["RegisteredOn"] = "Ngày đăng ký, thành lập không được sau hôm nay.";
                return problems;
            }

            subject.RegisteredOn = command.RegisteredOn;
            subject.LegalForm = command.LegalForm;
            AddAll(problems, "RegisteredOn", SubjectTimelines.Empty(db, subject).Record(command.LegalForm, green, command.Channels, command.RegisteredOn, today));
            return problems;
        }

        var timelines = await SubjectTimelines.LoadAsync(db, subject, ct);
        if (timelines.MoveRegistration(command.RegisteredOn, today) is string moved)
        {
            problems["RegisteredOn"] = moved;
            return problems;
        }

        AddAll(problems, "EffectiveOn", timelines.Record(command.LegalForm, green, command.Channels, command.EffectiveOn, today));
        return problems;
    }

    private static readonly Dictionary<string, string> FactNames = new(StringComparer.Ordinal)
    {
        ["LegalForm"] = "Loại hình",
        ["GreenValueChain"] = "Chuỗi giá trị xanh",
        ["SalesChannels"] = "Kênh bán hàng",
    };

    private static void AddAll(Dictionary<string, string> problems, string field, Dictionary<string, string> refused)
    {
        if (refused.Count > 0)
        {
            problems[field] = string.Join(" ", refused.Select(r => $"{FactNames[r.Key]}: {r.Value}"));
        }
    }
}
