using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// A council member's scoresheet for one product: one option per scored criterion, a note per part, totals computed on
/// the server at every save by <see cref="SaveMemberSheet"/>, whose result this page translates. A refused or stale save
/// keeps the member's choices in the form. A draft save keeps the
/// member's place: the page's script saves without leaving the page (the answer is JSON), and without script each group's
/// "Lưu nháp" returns to that group's anchor.
/// </summary>
public sealed class ScoreModel(OcopDbContext db, UserScopeLoader scopes, ScoresheetModels sheets, SaveMemberSheet save) : PageModel
{
    public const string StaleMessage = SaveMemberSheet.StaleMessage;

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
    /// <summary>The round's legal basis: its bands and star-minimum rule guide the running standing.</summary>
    public LegalBasis Basis { get; private set; } = null!;
    public IReadOnlyList<StarMinimum> Minimums { get; private set; } = [];
    /// <summary>The star this sheet's running total earns and the minimums it still misses.</summary>
    public MemberStarStanding Standing { get; private set; } = null!;
    /// <summary>The dossier the product is scored on; null when the round holds no dossier for it (a paper dossier).</summary>
    public int? DossierId { get; private set; }
    public List<SheetDocument> Documents { get; private set; } = [];
    /// <summary>What the last save did, shown in the panel that stays in view (not the layout's message at the top).</summary>
    public string? SaveMessage { get; private set; }

    /// <summary>How the page names each criterion and sub-criterion by the printed numbers ("1.1", "1a"), by code.</summary>
    public IReadOnlyDictionary<string, string> References { get; private set; } = new Dictionary<string, string>();

    public const string SaveMessageKey = "ScoreSaveMessage";
    public const string SaveCommand = "save";
    public const string SubmitCommand = "submit";

    private MemberScoresheet? row;
    private int memberId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Answers = row is null ? new(StringComparer.Ordinal) : new(SheetJson.Answers(row.Answers), StringComparer.Ordinal);
        Notes = row is null ? new(StringComparer.Ordinal) : new(SheetJson.Notes(row.PartNotes), StringComparer.Ordinal);
        Cases = ChooseOneCases.Of(Sheet, Answers);
        ScoreAnswers();
        SaveMessage = TempData[SaveMessageKey] as string;
        return Page();
    }

    private void ScoreAnswers()
    {
        Score = SheetScoring.Score(Sheet, Answers);
        Standing = MemberStarStanding.Of(Basis, Minimums, Score);
    }

    /// <summary>The script's saves ask for JSON; a plain form post gets a page or a redirect.</summary>
    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "save:A1" is the "Lưu nháp" of group A1: without script the member comes back to that group's anchor. A code the
    /// sheet does not have returns to the sheet's top.
    /// </summary>
    private string? PlaceOf(string? command)
    {
        var code = command is not null && command.StartsWith(SaveCommand + ":", StringComparison.Ordinal) ? command[(SaveCommand.Length + 1)..] : null;
        return code is not null && Sheet.Parts.SelectMany(p => p.Groups).Any(g => g.Code == code) ? SheetNumbering.Anchor(code) : null;
    }

    private IActionResult Refused(int status)
    {
        Response.StatusCode = status;
        if (!WantsJson)
        {
            return Page();
        }

        var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status409Conflict ? "Phiếu không lưu được" : "Phiếu chưa hợp lệ",
            Detail = string.Join(" ", errors),
        };
        problem.Extensions["errors"] = errors;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var submit = string.Equals(command, SubmitCommand, StringComparison.OrdinalIgnoreCase);
        var posted = ReadForm(submit);
        // The form as the sheet's rules read it, shown again when the save is refused.
        var read = SaveMemberSheet.Read(Sheet, posted, new FieldErrorList());
        (Answers, Cases, Notes) = (read.Answers, read.Cases, read.Notes);
        ScoreAnswers();
        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status422UnprocessableEntity);
        }

        var result = await save.RunAsync(await scopes.GetAsync(ct), posted, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                // The member may see this sheet (loaded above): what is refused is a change to a submitted sheet or a closed round.
                ModelState.AddModelError("", result.Message!);
                return Refused(StatusCodes.Status409Conflict);
            case WriteOutcome.Stale:
                ModelState.AddModelError("", result.Message!);
                return Refused(StatusCodes.Status409Conflict);
            case WriteOutcome.Invalid:
                result.AddTo(ModelState, "");
                return Refused(StatusCodes.Status422UnprocessableEntity);
        }

        var saved = result.Value!;
        var message = submit
            ? $"Đã nộp phiếu. Tổng điểm: {saved.Score.Total.ToVietnamese()}."
            : $"Đã lưu nháp lúc {Display.Date(saved.SavedAt)}. Tổng điểm hiện tại: {saved.Score.Total.ToVietnamese()}.";
        if (WantsJson && !submit)
        {
            return new JsonResult(new SavedDraft(saved.Version, message, Display.Name(saved.State), saved.Score.Total.ToVietnamese()));
        }

        TempData[SaveMessageKey] = message;
        var place = submit ? null : PlaceOf(command);
        return RedirectToPage("Score", null, new { id = Id, roundProductId = RoundProductId }, place);
    }

    /// <summary>The answer to the script's draft save: the sheet's new version (for the next save) and what to tell the member.</summary>
    public sealed record SavedDraft(int Version, string Message, string State, string Total);

    /// <summary>
    /// Reads the posted form into the command: "Answers[code]" = option number, "Case[group]" = chosen case,
    /// "Notes[part]" = note, "Version" = the version the member loaded. Only what cannot be read at all (an option that
    /// is not a number) is refused here; what does not fit the sheet is the use case's to say.
    /// </summary>
    private SaveMemberSheet.Command ReadForm(bool submit)
    {
        var form = Request.Form;
        var posted = new SaveMemberSheet.Command { RoundId = Id, RoundProductId = RoundProductId, Submit = submit };
        foreach (var (key, values) in form)
        {
            if (Inside(key, "Answers") is { } code)
            {
                var text = values.ToString();
                if (text.Length == 0)
                {
                    continue;
                }

                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    posted.Answers[code] = number;
                }
                else
                {
                    ModelState.AddModelError("", $"Tiêu chí {code}: phương án “{text}” không hợp lệ.");
                }
            }
            else if (Inside(key, "Case") is { } group && values.ToString().Length > 0)
            {
                posted.Cases[group] = values.ToString();
            }
            else if (Inside(key, "Notes") is { } part)
            {
                posted.Notes[part] = values.ToString();
            }
        }

        posted.Version = int.TryParse(form["Version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
        return posted;
    }

    private static Dictionary<string, string> ReferencesOf(Scoresheet sheet)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in sheet.Parts)
        {
            foreach (var group in part.Groups)
            {
                references[group.Code] = SheetNumbering.OfGroup(group).Number.TrimEnd('.');
                foreach (var criterion in group.Criteria)
                {
                    references[criterion.Code] = SheetNumbering.Reference(new ScoredCriterion(part, group, criterion, criterion));
                    foreach (var sub in criterion.SubCriteria)
                    {
                        references[sub.Code] = SheetNumbering.Reference(new ScoredCriterion(part, group, criterion, sub));
                    }
                }
            }
        }

        return references;
    }

    private static string? Inside(string key, string name) =>
        key.Length > name.Length + 2 && key.StartsWith(name + "[", StringComparison.Ordinal) && key.EndsWith(']') ? key[(name.Length + 1)..^1] : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var product = await db.RoundProducts.AsNoTracking().Where(p => p.Id == RoundProductId && p.RoundId == Id)
            .Select(p => new { p.Product!.Name, p.Product.SubjectId, SubjectName = p.Product.Subject!.Name, RoundName = p.Round!.Name, p.Round.State, p.Round.LegalBasisCode, p.ScoresheetId, SheetRecordVersion = p.Scoresheet!.Version, p.DossierId })
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
        row = await rows.AsNoTracking().SingleOrDefaultAsync(ct);
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
        Basis = (await db.LegalBases.AsNoTracking().SingleAsync(b => b.Code == product.LegalBasisCode, ct)).ToModel();
        Minimums = StarMinimums.Of(Sheet);
        References = ReferencesOf(Sheet);
        DossierId = product.DossierId;
        Documents = product.DossierId is int dossierId ? await SheetDocuments.OfDossierAsync(db, dossierId, ct) : [];
        State = row?.State ?? MemberSheetState.NotStarted;
        Version = row?.Version ?? 0;
        SubmittedAt = row?.SubmittedAt;
        Locked = State == MemberSheetState.Submitted || product.State == RoundState.Closed;
        return null;
    }
}
