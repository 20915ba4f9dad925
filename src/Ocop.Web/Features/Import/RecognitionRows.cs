using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Features.Recognitions;

namespace Ocop.Web.Features.Import;

/// <summary>
/// A list of past recognition decisions with their certificates, one row per certificate, as offices kept them before
/// this system: the decision (number, signing date, level, issuer), the product found by name under its subject (by
/// registration number or tax code, else by name in its commune — old or new name), its stars, and the certificate's
/// printed number and dates. Rows of one decision become one transcribed decision; each row goes through
/// <see cref="IssueRecognition"/>, the decision form's own use case, so it is checked as the form checks a decision
/// transcribed from paper (the rules of its own date). Once every row is in, each decision is frozen as issued.
/// A certificate number already recorded for the same product and decision is the row itself: unchanged.
/// </summary>
public sealed class RecognitionRows(IssueRecognition issue, Data.CurrentActor actor) : IRowImporter
{
    public const string DecisionNumber = "Số quyết định", SignedOn = "Ngày ký quyết định", LevelColumn = "Cấp công nhận",
        Issuer = "Cơ quan ban hành", Signer = "Người ký", SignerTitle = "Chức vụ người ký", Product = "Tên sản phẩm", Subject = "Chủ thể",
        SubjectNumber = "Số ĐKKD hoặc mã số thuế chủ thể", Commune = "Xã, phường", District = "Huyện (trước 01/7/2025)", Stars = "Hạng sao",
        Score = "Điểm", CertificateNumber = "Số giấy chứng nhận", IssuedOn = "Ngày cấp", ExpiresOn = "Ngày hết hạn";

    private Dictionary<(int SubjectId, string Name), int> products = [];
    private Dictionary<string, (int ProductId, string DecisionNumber)> certificates = new(StringComparer.Ordinal);
    /// <summary>The decisions this import recorded, by number: their later rows join them; each is frozen at the end.</summary>
    private readonly Dictionary<string, int> recorded = new(StringComparer.Ordinal);

    public ImportKind Kind => ImportKind.Recognitions;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(CertificateNumber, true, "Số in trên giấy chứng nhận, giữ nguyên"),
        new(DecisionNumber, true, "Số quyết định công nhận in trên bản giấy, ví dụ 1234/QĐ-UBND"),
        new(SignedOn, true, "dd/mm/yyyy; không sau hôm nay"),
        new(LevelColumn, true, "Chọn trong danh sách", ImportTemplate.Levels),
        new(Issuer, false, "Cơ quan ban hành như in trên quyết định (UBND tỉnh Trà Vinh); phải đúng cơ quan của cấp đó vào ngày ký"),
        new(Signer, false, "Họ tên người ký; để trống thì lấy người ký đã ghi của cơ quan vào ngày ký"),
        new(SignerTitle, false, "Chức vụ người ký (Chủ tịch, Phó Chủ tịch)"),
        new(Product, true, "Tên sản phẩm đã có trong hệ thống (nhập danh sách sản phẩm trước)"),
        new(Subject, true, "Tên chủ thể của sản phẩm"),
        new(SubjectNumber, false, "Nhận ra chủ thể chắc chắn hơn tên"),
        new(Commune, false, "Xã của chủ thể (tên mới hoặc cũ, hoặc mã xã): ghi khi tên chủ thể trùng", ImportTemplate.Communes),
        new(District, false, "Ghi khi tên xã trùng với xã khác"),
        new(Stars, true, "3, 4 hoặc 5"),
        new(Score, false, "Điểm đánh giá, ví dụ 72,5"),
        new(IssuedOn, false, "dd/mm/yyyy; mặc định: ngày ký quyết định"),
        new(ExpiresOn, false, "dd/mm/yyyy; mặc định: theo thời hạn của quy trình vào ngày ký (36 tháng)"),
    ];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        [nameof(IssueRecognition.Command.DecisionNumber)] = DecisionNumber,
        [nameof(IssueRecognition.Command.SignedOn)] = SignedOn,
        [nameof(IssueRecognition.Command.Level)] = LevelColumn,
        [nameof(IssueRecognition.Command.IssuerAsPrinted)] = Issuer,
        [nameof(IssueRecognition.Command.Signer)] = Signer,
        [nameof(IssueRecognition.Command.SignerTitle)] = SignerTitle,
        ["Rows[0]." + nameof(IssueRecognition.Row.ProductId)] = Product,
        ["Rows[0]." + nameof(IssueRecognition.Row.Stars)] = Stars,
        ["Rows[0]." + nameof(IssueRecognition.Row.Score)] = Score,
        ["Rows[0]." + nameof(IssueRecognition.Row.CertificateNumber)] = CertificateNumber,
        ["Rows[0]." + nameof(IssueRecognition.Row.IssuedOn)] = IssuedOn,
        ["Rows[0]." + nameof(IssueRecognition.Row.ExpiresOn)] = ExpiresOn,
    };

    /// <summary>A certificate number is printed once: a second row with it is the same certificate.</summary>
    public string DuplicateKey(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row[CertificateNumber];
    }

    public async Task PrepareAsync(ImportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = await context.Scope.Visible(context.Db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived)
            .Select(p => new { p.Id, p.SubjectId, p.Name }).ToListAsync(ct);
        products = [];
        foreach (var p in known)
        {
            products.TryAdd((p.SubjectId, VietnameseText.Fold(p.Name)), p.Id);
        }

        // Every number, whoever's: a printed number is unique in the whole register.
        certificates = (await context.Db.Certificates.AsNoTracking()
                .Select(c => new { c.Number, c.ProductId, c.Recognition!.DecisionNumber }).ToListAsync(ct))
            .ToDictionary(c => c.Number, c => (c.ProductId, c.DecisionNumber), StringComparer.Ordinal);
        recorded.Clear();
    }

    public async Task<RowResult> ImportAsync(ImportContext context, ImportRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        var label = $"{row[CertificateNumber]} — {row[Product]}, {row[Subject]}";
        var (signedOn, signedProblem) = CellText.Date(row[SignedOn], SignedOn);
        var (issuedOn, issuedProblem) = CellText.Date(row[IssuedOn], IssuedOn);
        var (expiresOn, expiresProblem) = CellText.Date(row[ExpiresOn], ExpiresOn);
        var (level, levelProblem) = CellText.Choice<EvaluationLevel>(row[LevelColumn], LevelColumn);
        var (stars, starsProblem) = CellText.Whole(row[Stars], Stars);
        var problems = new[] { signedProblem, issuedProblem, expiresProblem, levelProblem, starsProblem }.OfType<string>().ToList();
        foreach (var (column, text) in new[] { (CertificateNumber, row[CertificateNumber]), (DecisionNumber, row[DecisionNumber]), (SignedOn, row[SignedOn]),
                     (LevelColumn, row[LevelColumn]), (Product, row[Product]), (Subject, row[Subject]), (Stars, row[Stars]) })
        {
            if (text.Length == 0)
            {
                problems.Add($"{column}: bắt buộc.");
            }
        }

        if (stars is int star && RecognitionEntry.StarsProblem(star) is string starProblem)
        {
            problems.Add($"{Stars}: {starProblem}");
        }

        int? communeId = null;
        if (row[Commune].Length > 0)
        {
            var commune = context.Communes.Find(row[Commune], row[District], signedOn ?? context.Today);
            communeId = commune.UnitId;
            problems.AddRange(commune.Problem is null ? [] : [$"{Commune}: {commune.Problem}"]);
        }

        if (problems.Count > 0)
        {
            return RowResult.Refused(row.Number, label, problems);
        }

        var subject = context.FindSubject(row[Subject], row[SubjectNumber].Length > 0 ? row[SubjectNumber] : null, communeId);
        if (subject is null || !products.TryGetValue((subject.Id, VietnameseText.Fold(row[Product])), out var productId))
        {
            return RowResult.Refused(row.Number, label, [subject is null
                ? $"{Subject}: \"{row[Subject]}\" chưa có trong hệ thống hoặc bạn không phụ trách (nhập danh sách chủ thể và sản phẩm trước)."
                : $"{Product}: \"{row[Product]}\" không phải sản phẩm của {subject.Name} (nhập danh sách sản phẩm trước)."]);
        }

        var number = row[CertificateNumber];
        var decision = row[DecisionNumber];
        if (certificates.TryGetValue(number, out var existing))
        {
            return existing.ProductId == productId && existing.DecisionNumber == decision
                ? new RowResult(row.Number, RowStatus.Unchanged, label, [])
                : RowResult.Refused(row.Number, label, [$"{CertificateNumber}: {IssueRecognition.CertificateTakenMessage.TrimEnd('.')} (quyết định {existing.DecisionNumber})."]);
        }

        var command = new IssueRecognition.Command
        {
            DecisionNumber = decision,
            SignedOn = signedOn,
            Level = level,
            Transcribed = true,
            Signer = row[Signer].Length > 0 ? row[Signer] : null,
            SignerTitle = row[SignerTitle].Length > 0 ? row[SignerTitle] : null,
            SignerFromRecords = true,
            IssuerAsPrinted = row[Issuer].Length > 0 ? row[Issuer] : null,
            PartOf = recorded.TryGetValue(decision, out var recognitionId) ? recognitionId : null,
            FreezeLater = true,
            Rows = [new IssueRecognition.Row { ProductId = productId, Stars = stars, Score = row[Score], CertificateNumber = number, IssuedOn = issuedOn, ExpiresOn = expiresOn }],
        };
        var result = await issue.RunAsync(context.Scope, command, ct);
        if (!result.IsDone)
        {
            return RowResult.Refused(row.Number, label, SubjectRows.Reasons(result, ColumnOf));
        }

        recorded[decision] = result.Value!.RecognitionId;
        certificates[number] = (productId, decision);
        return new RowResult(row.Number, RowStatus.Created, label, []);
    }

    /// <summary>Each decision the list recorded is frozen as issued with all its certificates, now that every row is in.</summary>
    public async Task FinishAsync(ImportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var recognitionId in recorded.Values)
        {
            await RecognitionDocuments.FreezeAsync(context.Db, recognitionId, issuer: null, fromExisting: false, actor.UserName, ct);
        }

        context.Db.ChangeTracker.Clear();
    }
}
