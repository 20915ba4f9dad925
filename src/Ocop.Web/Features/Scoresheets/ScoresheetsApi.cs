using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>The scoresheets as open data, like the units: every version of every product set under every decision, the law as printed and as used.</summary>
public static class ScoresheetsApi
{
    public static RouteGroupBuilder MapScoresheetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scoresheets", ListAsync)
            .WithName("ListScoresheets")
            .WithTags("Scoresheets")
            .WithSummary("Phiếu chấm điểm theo từng phiên bản (công khai) / Scoresheet versions (public)")
            .WithDescription("Không cần đăng nhập. Mọi phiên bản phiếu chấm của mọi bộ sản phẩm: quyết định (căn cứ pháp lý), nhóm sản phẩm, phiên bản, "
                + "trạng thái (bản nháp, đã ban hành, ngừng sử dụng), hiệu lực, đã đối chiếu công báo hay chưa, điểm tối đa từng phần, ngưỡng điểm từng hạng sao, "
                + "các yêu cầu tối thiểu theo hạng sao và các đính chính văn bản in. legalBasis: lọc theo mã căn cứ (148/2023, 26/2026); status: Draft | Published | Retired.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/scoresheets/{id:int}", GetAsync)
            .WithName("GetScoresheet")
            .WithTags("Scoresheets")
            .WithSummary("Một phiên bản phiếu chấm đầy đủ (công khai) / One scoresheet version in full (public)")
            .WithDescription("Không cần đăng nhập. Toàn bộ phiếu: phần, nhóm, tiêu chí, phương án với điểm và yêu cầu tối thiểu theo hạng sao, nguồn dữ liệu, thiếu sót đã biết, đính chính.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ScoresheetVersion>>, ProblemHttpResult>> ListAsync(
        string? legalBasis, string? status, OcopDbContext db, CancellationToken ct)
    {
        ScoresheetStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ScoresheetStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Trạng thái không hợp lệ.",
                    detail: "Tham số status là Draft, Published hoặc Retired.");
            }

            wanted = parsed;
        }

        var bases = (await db.LegalBases.AsNoTracking().ToListAsync(ct)).ToDictionary(b => b.Code, b => b.ToModel(), StringComparer.OrdinalIgnoreCase);
        var query = db.Scoresheets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(legalBasis))
        {
            var code = legalBasis.Trim();
            query = query.Where(s => s.LegalBasisCode == code);
        }

        if (wanted is ScoresheetStatus only)
        {
            query = query.Where(s => s.Status == only);
        }

        var inUse = await ScoresheetVersions.InUseForNewRoundsAsync(db, ct);
        var records = await query.OrderBy(s => s.LegalBasisCode).ThenBy(s => s.ProductSetNumber).ThenBy(s => s.SheetVersion).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ScoresheetVersion>>(records.Select(r => Version(r, bases.GetValueOrDefault(r.LegalBasisCode), inUse.Contains(r.Id))).ToList());
    }

    /// <summary>The sheet as the law's JSON stores it (points as numbers, computed views left out), with its status and version.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(int id, OcopDbContext db, CancellationToken ct)
    {
        var record = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return record is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy phiếu chấm.")
            : TypedResults.Text(LawJson.Write(record.ToModel()), "application/json; charset=utf-8");
    }

    private static ScoresheetVersion Version(ScoresheetRecord record, LegalBasis? basis, bool inUse)
    {
        var sheet = record.ToModel();
        return new ScoresheetVersion(
            record.Id, record.LegalBasisCode, basis?.Title ?? record.LegalBasisCode, record.ProductSetNumber, record.ProductSetCode, record.ProductSetName,
            record.SheetVersion, record.Status, Display.Name(record.Status), record.EffectiveFrom, record.Verified, inUse,
            sheet.Parts.Select(p => new PartMaximum(p.Code, p.Name, p.Max.Value)).ToList(), sheet.TotalMax.Value,
            basis?.StarBands.OrderBy(b => b.Stars).Select(b => new StarThreshold(b.Stars, b.From.Value, b.Recognised)).ToList() ?? [],
            StarMinimums.Of(sheet).GroupBy(m => m.Star).OrderBy(g => g.Key)
                .Select(g => new StarMinimumList(g.Key, g.Select(m => new StarMinimumEntry(m.CriterionCode, m.CriterionText, m.Requirement)).ToList())).ToList(),
            (sheet.Corrections ?? []).Select(c => new CorrectionEntry(c.Location, c.CriterionCode, c.OptionText, c.Printed, c.Used, c.Reason)).ToList());
    }
}

/// <summary>One version of a product set's scoresheet under a decision, as open data.</summary>
/// <param name="InUseForNewRounds">The newest published version of its set: the one new rounds score on.</param>
/// <param name="StarBands">From how many points each star counts (on the exact council mean).</param>
/// <param name="StarMinimums">Per star, the criteria a product must reach to be ranked at that star or above.</param>
/// <param name="Corrections">Evident corrections of the printed text this version uses, each with the printed value.</param>
public sealed record ScoresheetVersion(
    int Id, string LegalBasis, string LegalBasisTitle, int ProductSetNumber, string ProductSetCode, string ProductSetName, int Version,
    ScoresheetStatus Status, string StatusName, DateOnly EffectiveFrom, bool Verified, bool InUseForNewRounds,
    IReadOnlyList<PartMaximum> Parts, decimal TotalMax, IReadOnlyList<StarThreshold> StarBands, IReadOnlyList<StarMinimumList> StarMinimums,
    IReadOnlyList<CorrectionEntry> Corrections);

public sealed record PartMaximum(string Code, string Name, decimal Max);

public sealed record StarThreshold(int Stars, decimal From, bool Recognised);

public sealed record StarMinimumList(int Stars, IReadOnlyList<StarMinimumEntry> Criteria);

public sealed record StarMinimumEntry(string Criterion, string Text, string Requirement);

public sealed record CorrectionEntry(string Location, string Criterion, string? Option, string Printed, string Used, string Reason);
