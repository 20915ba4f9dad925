using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Rounds;

/// <summary>Sheet answers and part notes as stored on <see cref="MemberScoresheet"/>.</summary>
public static class SheetJson
{
    public static Dictionary<string, int> Answers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(string.IsNullOrWhiteSpace(json) ? "{}" : json) ?? [];

    public static Dictionary<string, string> Notes(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(string.IsNullOrWhiteSpace(json) ? "{}" : json) ?? [];

    public static string Write<T>(T value) => JsonSerializer.Serialize(value);
}

/// <summary>A council member as a results page and the minutes list them.</summary>
public sealed record MemberLine(int Id, string? UserId, string FullName, string Organisation, CouncilPosition Position, IReadOnlyList<int> ConflictSubjectIds);

/// <summary>One member's sheet for one product, as the results page shows it.</summary>
public sealed record SheetLine(MemberLine Member, MemberSheetState State, SheetScore? Score);

/// <summary>One product of the round with its computed result, flags and outcome at this level.</summary>
public sealed record ProductLine(
    int RoundProductId,
    int ProductId,
    string ProductName,
    int SubjectId,
    string SubjectName,
    int? DossierId,
    int ScoresheetId,
    Scoresheet Sheet,
    IReadOnlyList<SheetLine> Sheets,
    ProductResult Result,
    IReadOnlyList<ConsistencyFlag> Flags,
    LevelOutcome? Outcome);

/// <summary>
/// A round with every product's result computed from the members' sheets by the core rules: the same figures for the
/// results page, the closing and the minutes.
/// </summary>
public sealed record RoundReport(
    EvaluationRound Round,
    string UnitName,
    EvaluationProcess Process,
    LegalBasis Basis,
    IReadOnlyList<MemberLine> Members,
    IReadOnlyList<ProductLine> Products)
{
    public MemberLine? Chair => Members.FirstOrDefault(m => m.Position == CouncilPosition.Chair);

    /// <summary>Why the round cannot close yet, in Vietnamese; empty when it can.</summary>
    public IReadOnlyList<string> BlocksToClosing()
    {
        var blocks = new List<string>();
        if (Products.Count == 0)
        {
            blocks.Add("Đợt đánh giá chưa có sản phẩm nào.");
        }

        foreach (var p in Products)
        {
            if (p.Result.Pending > 0)
            {
                var who = p.Sheets.Where(s => s.State is MemberSheetState.NotStarted or MemberSheetState.Draft).Select(s => s.Member.FullName);
                blocks.Add($"{p.ProductName}: còn {p.Result.Pending} phiếu chưa nộp ({string.Join(", ", who)}).");
            }
            else if (p.Result.Submitted == 0)
            {
                blocks.Add($"{p.ProductName}: chưa có phiếu chấm nào được nộp.");
            }

            blocks.AddRange(p.Result.Problems.Where(x => x.Severity == IssueSeverity.Error).Select(x => $"{p.ProductName}: {x}"));
        }

        return blocks;
    }

    public static async Task<RoundReport?> LoadAsync(OcopDbContext db, int roundId, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var members = (await db.CouncilMembers.AsNoTracking().Where(m => m.RoundId == roundId)
                .OrderBy(m => m.Position).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.UserId, m.FullName, m.Organisation, m.Position, Conflicts = m.Conflicts.Select(c => c.SubjectId).ToList() })
                .ToListAsync(ct))
            .Select(m => new MemberLine(m.Id, m.UserId, m.FullName, m.Organisation, m.Position, m.Conflicts))
            .ToList();
        var products = await db.RoundProducts.AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.ProductId, p.Product!.Name, p.Product.SubjectId, SubjectName = p.Product.Subject!.Name, p.DossierId, p.ScoresheetId })
            .ToListAsync(ct);
        var sheetIds = products.Select(p => p.ScoresheetId).Distinct().ToList();
        var scoresheets = (await db.Scoresheets.AsNoTracking().Where(s => sheetIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.ToModel());
        var stored = await db.MemberScoresheets.AsNoTracking().Where(s => s.RoundProduct!.RoundId == roundId)
            .Select(s => new { s.RoundProductId, s.CouncilMemberId, s.State, s.Answers })
            .ToListAsync(ct);
        var basis = (await db.LegalBases.AsNoTracking().SingleAsync(b => b.Code == round.LegalBasisCode, ct)).ToModel();
        var process = (await db.EvaluationProcesses.AsNoTracking().SingleAsync(p => p.Code == round.ProcessCode, ct)).ToModel();

        var lines = new List<ProductLine>();
        foreach (var p in products)
        {
            var sheet = scoresheets[p.ScoresheetId];
            var sheetLines = new List<SheetLine>();
            var modelSheets = new List<MemberSheet>();
            // Only members with an account score online; an external member without one is listed in the council only.
            foreach (var member in members.Where(m => m.UserId is not null))
            {
                var row = stored.FirstOrDefault(s => s.RoundProductId == p.Id && s.CouncilMemberId == member.Id);
                var answers = row is null ? [] : SheetJson.Answers(row.Answers);
                var state = member.ConflictSubjectIds.Contains(p.SubjectId) ? MemberSheetState.Recused : row?.State ?? MemberSheetState.NotStarted;
                modelSheets.Add(new MemberSheet(member.Id, member.FullName, state, answers));
                sheetLines.Add(new SheetLine(member, state, state == MemberSheetState.Recused ? null : SheetScoring.Score(sheet, answers)));
            }

            var result = RoundResults.ForProduct(sheet, basis, modelSheets);
            var flags = Consistency.Flags(sheet, modelSheets);
            var outcome = result is { Total: MeanScore total, Star: int star } ? process.OutcomeAt(round.Level, total, star) : null;
            lines.Add(new ProductLine(p.Id, p.ProductId, p.Name, p.SubjectId, p.SubjectName, p.DossierId, p.ScoresheetId, sheet, sheetLines, result, flags, outcome));
        }

        return new RoundReport(round, round.Unit?.Name ?? "", process, basis, members, lines);
    }
}

/// <summary>Keeps a member sheet row for every scoring member and product, and marks recusals from the declared conflicts.</summary>
public static class RoundSheets
{
    /// <summary>Adds the missing rows and marks recused ones to the tracked context; the caller saves, in one transaction.</summary>
    public static async Task SyncAsync(OcopDbContext db, int roundId, CancellationToken ct)
    {
        var members = await db.CouncilMembers.Where(m => m.RoundId == roundId && m.UserId != null)
            .Select(m => new { m.Id, Conflicts = m.Conflicts.Select(c => c.SubjectId).ToList() }).ToListAsync(ct);
        var products = await db.RoundProducts.Where(p => p.RoundId == roundId).Select(p => new { p.Id, p.Product!.SubjectId }).ToListAsync(ct);
        var sheets = await db.MemberScoresheets.Where(s => s.RoundProduct!.RoundId == roundId).ToListAsync(ct);

        // Rows added but not saved yet (a new member or product in this same request) are tracked only.
        sheets.AddRange(db.ChangeTracker.Entries<MemberScoresheet>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        foreach (var product in products)
        {
            foreach (var member in members)
            {
                var recused = member.Conflicts.Contains(product.SubjectId);
                var sheet = sheets.FirstOrDefault(s => s.RoundProductId == product.Id && s.CouncilMemberId == member.Id);
                if (sheet is null)
                {
                    db.MemberScoresheets.Add(new MemberScoresheet
                    {
                        RoundProductId = product.Id,
                        CouncilMemberId = member.Id,
                        State = recused ? MemberSheetState.Recused : MemberSheetState.NotStarted,
                    });
                }
                else if (recused && sheet.State != MemberSheetState.Recused)
                {
                    sheet.State = MemberSheetState.Recused;
                }
            }
        }
    }
}
