using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Issues the council minutes (biên bản họp hội đồng) of a closed round: the council, every member's scores and the
/// averages per product, stars, proposals to the next level, potential 5★, in the Decree 30 format. Dated the day the
/// chair closed the round, under the authority of the round's unit on that day; produced once (when the round closes, or
/// for an older round the first time they are asked for) and handed out as stored from then on.
/// </summary>
public sealed class IssueMinutes(OcopDbContext db, CurrentActor actor)
{
    public sealed class Command
    {
        public int RoundId { get; set; }
    }

    /// <summary>The minutes as issued (stored now if they never were).</summary>
    public async Task<WriteResult<IssuedDocument>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var state = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == command.RoundId).Select(r => (RoundState?)r.State).SingleOrDefaultAsync(ct);
        if (state is null)
        {
            return WriteResult.NotFound<IssuedDocument>("Không tìm thấy đợt đánh giá.");
        }

        var (_, seat) = await RoundAccess.SeatAsync(db, command.RoundId, scope.UserId, ct);
        var verdict = RoundPolicy.Decide(scope.Role, seat, RoundAction.IssueMinutes, state == RoundState.Open);
        if (verdict == RoundVerdict.RoundOpen)
        {
            // Not a refusal of the user: the minutes do not exist yet.
            var errors = new FieldErrorList();
            errors.Add("", RoundPolicy.Refusal(verdict, RoundAction.IssueMinutes)!);
            return WriteResult.Invalid<IssuedDocument>(errors);
        }

        if (verdict != RoundVerdict.Allowed)
        {
            return WriteResult.Refused<IssuedDocument>(RoundPolicy.Refusal(verdict, RoundAction.IssueMinutes)!);
        }

        var report = (await RoundReport.LoadAsync(db, command.RoundId, ct))!;
        return WriteResult.Done(await FreezeAsync(db, report, fromExisting: false, actor.UserName, ct));
    }

    /// <summary>The minutes of a closed round as stored, produced and stored now when they never were.</summary>
    public static async Task<IssuedDocument> FreezeAsync(OcopDbContext db, RoundReport report, bool fromExisting, string? by, CancellationToken ct)
    {
        var roundId = report.Round.Id;
        var stored = await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.RoundId == roundId && d.Kind == IssuedDocumentKind.Minutes, ct);
        if (stored is not null)
        {
            return stored;
        }

        var closedOn = DateOnly.FromDateTime((report.Round.ClosedAt ?? report.Round.UpdatedAt).AddHours(7));
        var atlas = await UnitAtlas.LoadAsync(db, [report.Round.UnitId], ct);
        var authority = await new IssuerDirectory(db).AuthorityAsync(atlas, report.Round.UnitId, closedOn, ct);
        var issuer = authority is null ? null : IssuerDirectory.ForDocumentOn(authority, closedOn);
        var facts = new MinutesAsIssued(roundId, closedOn, report.Round.Name, issuer);
        var document = IssuedDocumentStore.New(IssuedDocumentKind.Minutes, closedOn, null, issuer?.ShortName ?? atlas[report.Round.UnitId].FullName,
            facts, Build(report, facts, atlas[report.Round.UnitId].FullName), fromExisting, by);
        document.RoundId = roundId;
        db.IssuedDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
            return document;
        }
        catch (DbUpdateException)
        {
            // Produced by another request at the same moment: theirs stands.
            db.Entry(document).State = EntityState.Detached;
            return await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.RoundId == roundId && d.Kind == IssuedDocumentKind.Minutes, ct);
        }
    }

    /// <param name="unitName">The round's unit as stored, for the place when no authority covers the closing day.</param>
    public static byte[] Build(RoundReport report, MinutesAsIssued facts, string unitName)
    {
        var vi = Display.Vi;
        var round = report.Round;
        var doc = new OfficialDocx(new OfficialHeader(facts.Issuer?.Letterhead, "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "Số:      /BB-HĐ",
                facts.Issuer?.Place ?? UnitNames.Place(unitName), facts.IssuedOn))
            .Title("BIÊN BẢN", $"Họp hội đồng đánh giá, phân hạng sản phẩm OCOP – {round.Name}");
        doc.Paragraph($"Căn cứ {report.Process.Name}; sản phẩm được chấm theo phiếu chấm điểm của {report.Basis.Title}.");
        doc.Paragraph($"Cấp đánh giá: {Display.Name(round.Level)}. Thời gian đánh giá: từ ngày {Display.Date(round.OpensOn)} đến ngày {Display.Date(round.ClosesOn)}; " +
            $"chủ tịch hội đồng kết thúc đợt đánh giá lúc {Display.Date(round.ClosedAt)}.");

        doc.Article("I.", "THÀNH PHẦN HỘI ĐỒNG");
        doc.Table(["STT", "Họ và tên", "Chức danh", "Cơ quan, đơn vị", "Xung đột lợi ích"],
            report.Members.Select((m, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(vi), m.FullName, Display.Name(m.Position), m.Organisation,
                m.ConflictSubjectIds.Count == 0 ? "Không" : string.Join("; ", report.Products.Where(p => m.ConflictSubjectIds.Contains(p.SubjectId)).Select(p => $"không chấm {p.ProductName}").Distinct()),
            ]), [1, 4, 3, 4, 4]);

        doc.Article("II.", "KẾT QUẢ CHẤM ĐIỂM CỦA CÁC THÀNH VIÊN");
        var number = 0;
        foreach (var p in report.Products)
        {
            number++;
            var res = p.Result;
            doc.Paragraph($"{number.ToString(vi)}. {p.ProductName} – {p.SubjectName} (phiếu {p.Sheet.ProductSetCode}, phiên bản {p.Sheet.Version.ToString(vi)})");
            var headers = new List<string> { "Thành viên" };
            headers.AddRange(p.Sheet.Parts.Select(x => $"Phần {x.Code} ({x.Max.ToVietnamese()})"));
            headers.Add("Tổng điểm");
            var rows = p.Sheets.Select(s =>
            {
                var row = new List<string> { s.Member.FullName };
                if (s.State == MemberSheetState.Submitted && s.Score is not null)
                {
                    row.AddRange(p.Sheet.Parts.Select(x => s.Score.PartTotal(x.Code).ToVietnamese()));
                    row.Add(s.Score.Total.ToVietnamese());
                }
                else
                {
                    row.AddRange(p.Sheet.Parts.Select(_ => ""));
                    row.Add(Display.Name(s.State));
                }

                return (IReadOnlyList<string>)row;
            }).ToList();
            var mean = new List<string> { "Điểm trung bình" };
            mean.AddRange(p.Sheet.Parts.Select(x => res.Parts.FirstOrDefault(m => m.Code == x.Code)?.Score.ToVietnamese() ?? "—"));
            mean.Add(res.Total?.ToVietnamese() ?? "—");
            rows.Add(mean);
            doc.Table(headers, rows, [5, .. p.Sheet.Parts.Select(_ => 2), 2]);
            if (p.Sheet.Corrections is { Count: > 0 } corrections)
            {
                doc.Paragraph($"Phiếu chấm có {corrections.Count.ToString(vi)} đính chính văn bản in: " +
                    string.Join("; ", corrections.Select(c => $"{c.Location} in “{c.Printed}”, dùng “{c.Used}”")) + ".", italic: true);
            }

            // Named as the law names it: a province's 90+ is proposed for 5★, never "5 sao" before the central decision.
            var named = RankingOutcomes.Of(p.Outcome);
            doc.Paragraph($"Điểm trung bình: {res.Total?.ToVietnamese() ?? "—"} điểm; kết quả: {named.Name}." +
                (res.CapExplanation is null ? "" : " " + res.CapExplanation) +
                (p.Outcome is null ? "" : $" {p.Outcome.Description}"));
            foreach (var flag in p.Flags)
            {
                doc.Paragraph("Hội đồng thảo luận: " + flag.Description, italic: true);
            }
        }

        doc.Article("III.", "TỔNG HỢP KẾT QUẢ");
        doc.Table(["STT", "Sản phẩm", "Chủ thể", "Điểm", "Hạng sao", "Kết quả"],
            report.Products.Select((p, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(vi), p.ProductName, p.SubjectName, p.Result.Total?.ToVietnamese() ?? "—", Stars(RankingOutcomes.Of(p.Outcome).Star),
                RankingOutcomes.Of(p.Outcome).Name,
            ]), [1, 5, 5, 2, 2, 4]);

        var proposed = report.Products.Where(p => p.Outcome?.Kind == LevelOutcomeKind.ProposedOnward).ToList();
        doc.Article("IV.", "SẢN PHẨM ĐỀ XUẤT LÊN CẤP TRÊN");
        if (proposed.Count == 0)
        {
            doc.Paragraph("Không có sản phẩm đề xuất.");
        }

        foreach (var p in proposed)
        {
            doc.Paragraph($"- {p.ProductName} ({p.SubjectName}): {p.Result.Total?.ToVietnamese()} điểm, {RankingOutcomes.Of(p.Outcome).Name.ToLower(vi)}.");
        }

        var potential = report.Products.Where(p => p.Outcome?.PotentialFiveStar == true).ToList();
        doc.Article("V.", "SẢN PHẨM ĐỀ XUẤT CÔNG NHẬN 5 SAO (TIỀM NĂNG 5 SAO)");
        if (potential.Count == 0)
        {
            doc.Paragraph("Không có sản phẩm đề xuất công nhận 5 sao.");
        }

        foreach (var p in potential)
        {
            doc.Paragraph($"- {p.ProductName} ({p.SubjectName}): {p.Result.Total?.ToVietnamese()} điểm, chờ cấp trung ương quyết định công nhận 5 sao.");
        }

        var secretary = report.Members.FirstOrDefault(m => m.Position == CouncilPosition.Secretary);
        if (secretary is not null)
        {
            doc.Paragraph($"Thư ký hội đồng: {secretary.FullName}.");
        }

        doc.Signature(new OfficialSignature("TM. HỘI ĐỒNG", "CHỦ TỊCH", report.Chair?.FullName ?? ""), ["Các thành viên hội đồng", "Lưu: VT"]);
        return doc.ToBytes();
    }

    private static string Stars(int? stars) => stars is int s ? $"{s.ToString(CultureInfo.InvariantCulture)} sao" : "—";
}
