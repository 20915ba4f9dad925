using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Edits a draft scoresheet in one plain form: the effective date, each criterion's text and maximum, each option's
/// text, points and star minimum, removing options and adding one per criterion. Published and retired versions are
/// refused: a change to them is a new version (copy first).
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
public sealed class EditModel(OcopDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public SheetInput Input { get; set; } = new();

    public ScoresheetRecord Record { get; private set; } = null!;
    public Scoresheet Sheet { get; private set; } = null!;
    public LegalBasis? Basis { get; private set; }
    /// <summary>Set when the sheet may not be edited; the page then shows why instead of the form.</summary>
    public string? Refusal { get; private set; }

    public sealed class SheetInput
    {
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

    public int IndexOf(string code) => Input.Criteria.FindIndex(c => c.Code == code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Input = new SheetInput
        {
            Version = Record.Version,
            EffectiveFrom = Sheet.EffectiveFrom,
            Criteria = Sheet.Parts.SelectMany(p => p.Groups).SelectMany(g => g.Criteria)
                .SelectMany(c => new[] { c }.Concat(c.SubCriteria))
                .Select(c => new CriterionInput
                {
                    Code = c.Code,
                    Text = c.Text,
                    Max = c.Max.ToVietnamese(),
                    Options = c.Options.Select(o => new OptionInput { Number = o.Number, Text = o.Text, Points = o.Points?.ToVietnamese(), Star = o.MinimumForStar }).ToList(),
                })
                .ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (Record.Version != Input.Version)
        {
            ModelState.AddModelError("", "Phiếu vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
        }

        var edited = Apply(Sheet);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await db.Scoresheets.SingleAsync(s => s.Id == Id, ct);
        tracked.EffectiveFrom = Input.EffectiveFrom!.Value;
        tracked.Definition = LawJson.Write(edited with { EffectiveFrom = Input.EffectiveFrom.Value });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu bản nháp.";
        return Redirect($"/Scoresheets/Details/{Id}");
    }

    private Scoresheet Apply(Scoresheet sheet) => sheet with
    {
        Parts = sheet.Parts.Select(p => p with
        {
            Groups = p.Groups.Select(g => g with { Criteria = g.Criteria.Select(Apply).ToList() }).ToList(),
        }).ToList(),
    };

    private Criterion Apply(Criterion criterion)
    {
        var index = IndexOf(criterion.Code);
        var subs = criterion.SubCriteria.Select(Apply).ToList();
        if (index < 0)
        {
            return criterion with { SubCriteria = subs };
        }

        var input = Input.Criteria[index];
        var field = $"{nameof(Input)}.{nameof(SheetInput.Criteria)}[{index}]";
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError($"{field}.Text", "Nhập nội dung tiêu chí.");
        }

        var max = criterion.Max;
        if (!Points.TryParse(input.Max, out max) || max <= Points.Zero)
        {
            ModelState.AddModelError($"{field}.Max", "Điểm tối đa phải là số lớn hơn 0, tối đa một chữ số thập phân.");
        }

        var options = new List<ScoreOption>();
        for (var j = 0; j < input.Options.Count; j++)
        {
            var o = input.Options[j];
            if (o.Remove || criterion.Option(o.Number) is null)
            {
                continue;
            }

            var optionField = $"{field}.Options[{j}]";
            var points = ReadPoints(o.Points, $"{optionField}.Points");
            CheckStar(o.Star, $"{optionField}.Star");
            if (string.IsNullOrWhiteSpace(o.Text))
            {
                ModelState.AddModelError($"{optionField}.Text", "Nhập nội dung phương án.");
            }

            options.Add(new ScoreOption(options.Count + 1, o.Text?.Trim() ?? "", points, o.Star));
        }

        if (!string.IsNullOrWhiteSpace(input.NewText) || !string.IsNullOrWhiteSpace(input.NewPoints))
        {
            if (criterion.HasSubCriteria)
            {
                ModelState.AddModelError($"{field}.NewText", "Tiêu chí có tiêu chí con: thêm phương án vào tiêu chí con.");
            }
            else if (string.IsNullOrWhiteSpace(input.NewText))
            {
                ModelState.AddModelError($"{field}.NewText", "Nhập nội dung phương án mới.");
            }

            var points = ReadPoints(input.NewPoints, $"{field}.NewPoints");
            CheckStar(input.NewStar, $"{field}.NewStar");
            options.Add(new ScoreOption(options.Count + 1, input.NewText?.Trim() ?? "", points, input.NewStar));
        }

        return criterion with { Text = text, Max = max, Options = options, SubCriteria = subs };
    }

    private Points? ReadPoints(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, "Nhập điểm của phương án.");
            return null;
        }

        if (!Points.TryParse(text, out var points) || points < Points.Zero)
        {
            ModelState.AddModelError(field, "Điểm phải là số không âm, tối đa một chữ số thập phân (ví dụ 2 hoặc 2,5).");
            return null;
        }

        return points;
    }

    private void CheckStar(int? star, string field)
    {
        if (star is int s && Basis?.Band(s) is null)
        {
            ModelState.AddModelError(field, $"Căn cứ {Sheet.LegalBasisCode} không có hạng {s} sao.");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var record = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Sheet = record.ToModel();
        Basis = (await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct))?.ToModel();
        if (record.Status != ScoresheetStatus.Draft)
        {
            Refusal = $"Phiếu này đã {(record.Status == ScoresheetStatus.Published ? "ban hành" : "ngừng sử dụng")} nên không sửa được. Muốn thay đổi, hãy sao chép thành phiên bản mới rồi sửa bản nháp đó.";
        }

        return true;
    }
}
