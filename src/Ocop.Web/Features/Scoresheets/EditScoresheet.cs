using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Edits a draft scoresheet: the effective date, each criterion's text and maximum, each option's text, points and star
/// minimum, removing options and adding one per criterion. Published and retired versions are refused: a change to them
/// is a new version (copy first).
/// </summary>
public sealed class EditScoresheet(OcopDbContext db)
{
    public const string StaleMessage = "Phiếu vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The sheet edited. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int Id { get; set; }
        public int Version { get; set; }
        [Required(ErrorMessage = "Nhập ngày hiệu lực.")] public DateOnly? EffectiveFrom { get; set; }
        public List<CriterionInput> Criteria { get; set; } = [];
    }

    public sealed class CriterionInput
    {
        public string Code { get; set; } = "";
        public string? Text { get; set; }
        public string? Max { get; set; }
        public List<OptionInput> Options { get; set; } = [];
        public string? NewText { get; set; }
        public string? NewPoints { get; set; }
        public int? NewStar { get; set; }
    }

    public sealed class OptionInput
    {
        public int Number { get; set; }
        public string? Text { get; set; }
        public string? Points { get; set; }
        public int? Star { get; set; }
        public bool Remove { get; set; }
    }

    public sealed record Saved(int Id, int Version);

    /// <summary>Why a sheet of this status cannot be edited; null for a draft.</summary>
    public static string? Refusal(ScoresheetStatus status) => status == ScoresheetStatus.Draft ? null
        : $"Phiếu này đã {(status == ScoresheetStatus.Published ? "ban hành" : "ngừng sử dụng")} nên không sửa được. Muốn thay đổi, hãy sao chép thành phiên bản mới rồi sửa bản nháp đó.";

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!ScoresheetVersions.CanManage(scope.Role))
        {
            return WriteResult.Refused<Saved>(ScoresheetVersions.RefusedMessage);
        }

        var record = await db.Scoresheets.SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (record is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy phiếu chấm.");
        }

        if (Refusal(record.Status) is { } refusal)
        {
            return WriteResult.Refused<Saved>(refusal);
        }

        var basis = (await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct))?.ToModel();
        var errors = FieldErrorList.Annotations(command);
        var edited = Apply(record.ToModel(), command, basis, errors);
        if (record.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        record.EffectiveFrom = command.EffectiveFrom!.Value;
        record.Definition = LawJson.Write(edited with { EffectiveFrom = command.EffectiveFrom.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(record.Id, record.Version));
    }

    private static Scoresheet Apply(Scoresheet sheet, Command input, LegalBasis? basis, FieldErrorList errors) => sheet with
    {
        Parts = sheet.Parts.Select(p => p with
        {
            Groups = p.Groups.Select(g => g with { Criteria = g.Criteria.Select(c => Apply(c, input, basis, sheet.LegalBasisCode, errors)).ToList() }).ToList(),
        }).ToList(),
    };

    private static Criterion Apply(Criterion criterion, Command input, LegalBasis? basis, string basisCode, FieldErrorList errors)
    {
        var index = input.Criteria.FindIndex(c => c.Code == criterion.Code);
        var subs = criterion.SubCriteria.Select(c => Apply(c, input, basis, basisCode, errors)).ToList();
        if (index < 0)
        {
            return criterion with { SubCriteria = subs };
        }

        var given = input.Criteria[index];
        var field = $"{nameof(Command.Criteria)}[{index}]";
        var text = given.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add($"{field}.Text", "Nhập nội dung tiêu chí.");
        }

        var max = criterion.Max;
        if (!Points.TryParse(given.Max, out max) || max <= Points.Zero)
        {
            errors.Add($"{field}.Max", "Điểm tối đa phải là số lớn hơn 0, tối đa một chữ số thập phân.");
        }

        var options = new List<ScoreOption>();
        for (var j = 0; j < given.Options.Count; j++)
        {
            var o = given.Options[j];
            if (o.Remove || criterion.Option(o.Number) is null)
            {
                continue;
            }

            var optionField = $"{field}.Options[{j}]";
            var points = ReadPoints(o.Points, $"{optionField}.Points", errors);
            CheckStar(o.Star, $"{optionField}.Star", basis, basisCode, errors);
            if (string.IsNullOrWhiteSpace(o.Text))
            {
                errors.Add($"{optionField}.Text", "Nhập nội dung phương án.");
            }

            options.Add(new ScoreOption(options.Count + 1, o.Text?.Trim() ?? "", points, o.Star));
        }

        if (!string.IsNullOrWhiteSpace(given.NewText) || !string.IsNullOrWhiteSpace(given.NewPoints))
        {
            if (criterion.HasSubCriteria)
            {
                errors.Add($"{field}.NewText", "Tiêu chí có tiêu chí con: thêm phương án vào tiêu chí con.");
            }
            else if (string.IsNullOrWhiteSpace(given.NewText))
            {
                errors.Add($"{field}.NewText", "Nhập nội dung phương án mới.");
            }

            var points = ReadPoints(given.NewPoints, $"{field}.NewPoints", errors);
            CheckStar(given.NewStar, $"{field}.NewStar", basis, basisCode, errors);
            options.Add(new ScoreOption(options.Count + 1, given.NewText?.Trim() ?? "", points, given.NewStar));
        }

        return criterion with { Text = text, Max = max, Options = options, SubCriteria = subs };
    }

    private static Points? ReadPoints(string? text, string field, FieldErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Nhập điểm của phương án.");
            return null;
        }

        if (!Points.TryParse(text, out var points) || points < Points.Zero)
        {
            errors.Add(field, "Điểm phải là số không âm, tối đa một chữ số thập phân (ví dụ 2 hoặc 2,5).");
            return null;
        }

        return points;
    }

    private static void CheckStar(int? star, string field, LegalBasis? basis, string basisCode, FieldErrorList errors)
    {
        if (star is int s && basis?.Band(s) is null)
        {
            errors.Add(field, $"Căn cứ {basisCode} không có hạng {s} sao.");
        }
    }
}
