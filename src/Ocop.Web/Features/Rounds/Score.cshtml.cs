using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// A council member's scoresheet for one product: one option per scored criterion, a note per part, totals computed on
/// the server at every save. Submitting needs every criterion answered and locks the sheet. A save from a stale copy
/// (someone else saved in between) is refused and the member's choices stay in the form.
/// </summary>
public sealed class ScoreModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, ScoresheetModels sheets) : PageModel
{
    public const string StaleMessage = "Phiếu vừa được lưu ở nơi khác (một cửa sổ hoặc thiết bị khác). Lựa chọn của bạn vẫn còn trên trang; tải lại phiếu để xem bản mới nhất trước khi lưu lại.";

    [FromRoute] public int Id { get; set; }
    [FromRoute] public int RoundProductId { get; set; }

    public string RoundName { get; private set; } = "";
    public string ProductName { get; private set; } = "";
    public string SubjectName { get; private set; } = "";
    public string MemberName { get; private set; } = "";
    public Scoresheet Sheet { get; private set; } = null!;
    public Dictionary<string, int> Answers { get; private set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Notes { get; private set; } = new(StringComparer.Ordinal);
    /// <summary>Chosen case per "choose one" group code.</summary>
    public Dictionary<string, string> Cases { get; private set; } = new(StringComparer.Ordinal);
    public SheetScore Score { get; private set; } = null!;
    public MemberSheetState State { get; private set; }
    public bool Locked { get; private set; }
    public int Version { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>The product's subject and the member's seat: a member declares a conflict here before scoring.</summary>
    public int SubjectId { get; private set; }
    public int MemberId => memberId;
    /// <summary>Whether the round is still open (a conflict can be declared only then, and only before scoring).</summary>
    public bool RoundOpen { get; private set; }

    private MemberScoresheet? row;
    private int memberId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(tracked: false, ct) is { } refused)
        {
            return refused;
        }

        Answers = row is null ? new(StringComparer.Ordinal) : new(SheetJson.Answers(row.Answers), StringComparer.Ordinal);
        Notes = row is null ? new(StringComparer.Ordinal) : new(SheetJson.Notes(row.PartNotes), StringComparer.Ordinal);
        Cases = CasesOf(Answers);
        Score = SheetScoring.Score(Sheet, Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(tracked: true, ct) is { } refused)
        {
            return refused;
        }

        ReadForm(out var postedVersion);
        Score = SheetScoring.Score(Sheet, Answers);
        var submit = string.Equals(command, "submit", StringComparison.OrdinalIgnoreCase);

        if (Locked)
        {
            ModelState.AddModelError("", State == MemberSheetState.Submitted
                ? "Phiếu đã nộp nên không thể thay đổi."
                : "Đợt đánh giá đã kết thúc nên không thể thay đổi phiếu.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (postedVersion != Version)
        {
            ModelState.AddModelError("", StaleMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (submit && !Score.IsComplete)
        {
            ModelState.AddModelError("", Score.Unanswered.Count > 0
                ? $"Chưa thể nộp: còn {Score.Unanswered.Count.ToString(CultureInfo.InvariantCulture)} tiêu chí chưa chấm ({string.Join(", ", Score.Unanswered)}). Phiếu chưa được lưu; chọn đủ rồi nộp, hoặc bấm “Lưu nháp”."
                : "Chưa thể nộp: phiếu có lựa chọn không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = db.MemberScoresheets.Add(new MemberScoresheet { RoundProductId = RoundProductId, CouncilMemberId = memberId }).Entity;
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = postedVersion;
        }

        row.Answers = SheetJson.Write(new SortedDictionary<string, int>(Answers, StringComparer.Ordinal));
        row.PartNotes = SheetJson.Write(new SortedDictionary<string, string>(Notes, StringComparer.Ordinal));
        row.TotalTenths = Score.Total.Tenths;
        row.State = submit ? MemberSheetState.Submitted : MemberSheetState.Draft;
        row.SubmittedAt = submit ? now : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // DbUpdateException: another first save created the row in between (the unique member/product index).
            ModelState.AddModelError("", StaleMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Message"] = submit
            ? $"Đã nộp phiếu. Tổng điểm: {Score.Total.ToVietnamese()}."
            : $"Đã lưu nháp. Tổng điểm hiện tại: {Score.Total.ToVietnamese()}.";
        return Redirect($"/Rounds/{Id}/Score/{RoundProductId}");
    }

    /// <summary>
    /// Reads the posted choices: "Answers[code]" = option number, "Case[group]" = chosen case, "Notes[part]" = note,
    /// "Version" = the version the member loaded. Answers to cases not chosen are dropped, as on paper.
    /// </summary>
    private void ReadForm(out int postedVersion)
    {
        var form = Request.Form;
        var known = Sheet.ScoredCriteria.ToDictionary(c => c.Leaf.Code, StringComparer.Ordinal);
        Answers = new(StringComparer.Ordinal);
        Notes = new(StringComparer.Ordinal);
        Cases = new(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (Inside(key, "Answers") is { } code)
            {
                var text = values.ToString();
                if (text.Length == 0)
                {
                    continue;
                }

                if (!known.TryGetValue(code, out var criterion))
                {
                    ModelState.AddModelError("", $"Phiếu chấm không có tiêu chí mã {code}.");
                }
                else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    || (number != ScoreOption.NoneApplies && criterion.Leaf.Option(number) is null))
                {
                    ModelState.AddModelError("", $"Tiêu chí {code}: phương án “{text}” không hợp lệ.");
                }
                else
                {
                    Answers[code] = number;
                }
            }
            else if (Inside(key, "Case") is { } group && values.ToString().Length > 0)
            {
                Cases[group] = values.ToString();
            }
            else if (Inside(key, "Notes") is { } part)
            {
                var note = values.ToString().Trim();
                if (Sheet.Parts.All(p => p.Code != part))
                {
                    ModelState.AddModelError("", $"Phiếu chấm không có phần {part}.");
                }
                else if (note.Length > 2000)
                {
                    ModelState.AddModelError($"Notes[{part}]", $"Ghi chú phần {part} tối đa 2.000 ký tự.");
                }
                else if (note.Length > 0)
                {
                    Notes[part] = note;
                }
            }
        }

        foreach (var group in Sheet.Parts.SelectMany(p => p.Groups).Where(g => g.ChooseOne))
        {
            if (!Cases.TryGetValue(group.Code, out var chosen))
            {
                continue;
            }

            if (group.Criteria.All(c => c.Code != chosen))
            {
                ModelState.AddModelError("", $"Nhóm {group.Code}: trường hợp “{chosen}” không có trong phiếu.");
                continue;
            }

            foreach (var other in group.Criteria.Where(c => c.Code != chosen).SelectMany(c => c.Leaves()))
            {
                Answers.Remove(other.Code);
            }
        }

        foreach (var (group, chosen) in CasesOf(Answers))
        {
            Cases.TryAdd(group, chosen);
        }

        if (!int.TryParse(form["Version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out postedVersion))
        {
            postedVersion = -1;
        }
    }

    private static string? Inside(string key, string name) =>
        key.Length > name.Length + 2 && key.StartsWith(name + "[", StringComparison.Ordinal) && key.EndsWith(']') ? key[(name.Length + 1)..^1] : null;

    /// <summary>The case each "choose one" group was answered under, read back from the answers.</summary>
    private Dictionary<string, string> CasesOf(Dictionary<string, int> answers)
    {
        var cases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Sheet.Parts.SelectMany(p => p.Groups).Where(g => g.ChooseOne))
        {
            var chosen = group.Criteria.FirstOrDefault(c => c.Leaves().Any(l => answers.ContainsKey(l.Code)));
            if (chosen is not null)
            {
                cases[group.Code] = chosen.Code;
            }
        }

        return cases;
    }

    private async Task<IActionResult?> LoadAsync(bool tracked, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var product = await db.RoundProducts.AsNoTracking().Where(p => p.Id == RoundProductId && p.RoundId == Id)
            .Select(p => new { p.Product!.Name, p.Product.SubjectId, SubjectName = p.Product.Subject!.Name, RoundName = p.Round!.Name, p.Round.State, p.ScoresheetId, SheetRecordVersion = p.Scoresheet!.Version })
            .SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return NotFound();
        }

        var member = await db.CouncilMembers.AsNoTracking().Where(m => m.RoundId == Id && m.UserId == scope.UserId)
            .Select(m => new { m.Id, m.FullName, Recused = m.Conflicts.Any(c => c.SubjectId == product.SubjectId) })
            .FirstOrDefaultAsync(ct);
        // Only the member's own sheet, and never for a product of a subject they declared a conflict with.
        if (member is null || member.Recused)
        {
            return Forbid();
        }

        var rows = db.MemberScoresheets.Where(s => s.RoundProductId == RoundProductId && s.CouncilMemberId == member.Id);
        row = await (tracked ? rows : rows.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (row?.State == MemberSheetState.Recused)
        {
            return Forbid();
        }

        memberId = member.Id;
        RoundName = product.RoundName;
        ProductName = product.Name;
        SubjectName = product.SubjectName;
        SubjectId = product.SubjectId;
        RoundOpen = product.State == RoundState.Open;
        MemberName = member.FullName;
        Sheet = await sheets.GetAsync(db, product.ScoresheetId, product.SheetRecordVersion, ct);
        State = row?.State ?? MemberSheetState.NotStarted;
        Version = row?.Version ?? 0;
        SubmittedAt = row?.SubmittedAt;
        Locked = State == MemberSheetState.Submitted || product.State == RoundState.Closed;
        return null;
    }
}
