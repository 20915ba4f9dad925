using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Core.Support;
using Ocop.Core.Text;
using Ocop.Web.Features.Planning.Support;

namespace Ocop.Web.Features.Import;

/// <summary>
/// A list of support given, one row per support: the subject (recorded already — import the subjects first) found by
/// its registration number or tax code, else by name in its commune; the product by name under it. A row is the recorded
/// support of the same subject, kind, date and content when there is one (its cells change it), else a new one. Each row
/// goes through <see cref="SaveSupportRecord"/>, the support form's own use case. A file names no budget allocation: a
/// support is charged to one on its form, where what is left is shown.
/// </summary>
public sealed class SupportRows(SaveSupportRecord save) : IRowImporter
{
    public const string Subject = "Chủ thể", SubjectNumber = "Số ĐKKD hoặc mã số thuế chủ thể", Commune = "Xã, phường",
        District = "Huyện (trước 01/7/2025)", Product = "Sản phẩm", KindColumn = "Loại hỗ trợ", Description = "Nội dung hỗ trợ",
        On = "Ngày hỗ trợ", Amount = "Kinh phí hỗ trợ (đồng)", Paid = "Đã chi (đồng)", Source = "Nguồn kinh phí", Reference = "Quyết định, căn cứ";

    private Dictionary<(int SubjectId, string Name), int> products = [];
    private Dictionary<(int SubjectId, SupportKind Kind, DateOnly On, string Description), int> records = [];

    public ImportKind Kind => ImportKind.SupportRecords;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Subject, true, "Tên chủ thể đã có trong hệ thống (nhập danh sách chủ thể trước)"),
        new(SubjectNumber, false, "Nhận ra chủ thể chắc chắn hơn tên"),
        new(Commune, false, "Xã của chủ thể (tên mới hoặc cũ, hoặc mã xã): ghi khi tên chủ thể trùng", ImportTemplate.Communes),
        new(District, false, "Ghi khi tên xã trùng với xã khác"),
        new(Product, false, "Tên sản phẩm của chủ thể; bắt buộc với hỗ trợ thương hiệu, nhãn hiệu"),
        new(KindColumn, true, "Chọn trong danh sách", ImportTemplate.SupportKinds),
        new(Description, true, "Nội dung hỗ trợ"),
        new(On, true, "dd/mm/yyyy"),
        new(Amount, false, "Số tiền (đồng)"),
        new(Paid, false, "Số tiền đã chi (đồng), không lớn hơn kinh phí"),
        new(Source, false, "Chọn trong danh sách", ImportTemplate.FundingSources),
        new(Reference, false, "Số quyết định, văn bản căn cứ"),
    ];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        [nameof(SaveSupportRecord.Command.SubjectId)] = Subject,
        [nameof(SaveSupportRecord.Command.ProductId)] = Product,
        [nameof(SaveSupportRecord.Command.Kind)] = KindColumn,
        [nameof(SaveSupportRecord.Command.Description)] = Description,
        [nameof(SaveSupportRecord.Command.On)] = On,
        [nameof(SaveSupportRecord.Command.AmountVnd)] = Amount,
        [nameof(SaveSupportRecord.Command.PaidVnd)] = Paid,
        [nameof(SaveSupportRecord.Command.Source)] = Source,
        [nameof(SaveSupportRecord.Command.Reference)] = Reference,
    };

    public string DuplicateKey(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var subject = row[SubjectNumber].Length > 0 ? row[SubjectNumber] : VietnameseText.Fold(row[Subject]);
        return string.Join('|', subject, VietnameseText.Fold(row[KindColumn]), row[On], VietnameseText.Fold(row[Description]));
    }

    public async Task PrepareAsync(ImportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var visible = context.Scope.Visible(context.Db.Subjects).Select(s => s.Id);
        var knownProducts = await context.Db.Products.AsNoTracking().Where(p => visible.Contains(p.SubjectId))
            .Select(p => new { p.Id, p.SubjectId, p.Name }).ToListAsync(ct);
        products = [];
        foreach (var p in knownProducts)
        {
            products.TryAdd((p.SubjectId, VietnameseText.Fold(p.Name)), p.Id);
        }

        var knownRecords = await context.Db.SupportRecords.AsNoTracking().Where(r => visible.Contains(r.SubjectId))
            .Select(r => new { r.Id, r.SubjectId, r.Kind, r.On, r.Description }).ToListAsync(ct);
        records = [];
        foreach (var r in knownRecords)
        {
            records.TryAdd((r.SubjectId, r.Kind, r.On, VietnameseText.Fold(r.Description)), r.Id);
        }
    }

    public async Task<RowResult> ImportAsync(ImportContext context, ImportRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        var label = row[Product].Length > 0 ? $"{row[Description]} — {row[Product]}, {row[Subject]}" : $"{row[Description]} — {row[Subject]}";
        var (on, dateProblem) = CellText.Date(row[On], On);
        var (kind, kindProblem) = CellText.Choice<SupportKind>(row[KindColumn], KindColumn);
        var (source, sourceProblem) = CellText.Choice<FundingSource>(row[Source], Source);
        var (amount, amountProblem) = CellText.Amount(row[Amount], Amount);
        var (paid, paidProblem) = CellText.Amount(row[Paid], Paid);
        var problems = new[] { dateProblem, kindProblem, sourceProblem, amountProblem, paidProblem }.OfType<string>().ToList();
        int? communeId = null;
        if (row[Commune].Length > 0)
        {
            var commune = context.Communes.Find(row[Commune], row[District], on ?? context.Today);
            communeId = commune.UnitId;
            problems.AddRange(commune.Problem is null ? [] : [$"{Commune}: {commune.Problem}"]);
        }

        if (row[Subject].Length == 0 && row[SubjectNumber].Length == 0)
        {
            problems.Add($"{Subject}: Nhập tên chủ thể.");
        }

        if (problems.Count > 0)
        {
            return RowResult.Refused(row.Number, label, problems);
        }

        var subject = context.FindSubject(row[Subject], row[SubjectNumber].Length > 0 ? row[SubjectNumber] : null, communeId);
        if (subject is null)
        {
            return RowResult.Refused(row.Number, label, [$"{Subject}: chưa có trong hệ thống hoặc bạn không phụ trách (nhập danh sách chủ thể trước)."]);
        }

        int? productId = null;
        if (row[Product].Length > 0)
        {
            if (!products.TryGetValue((subject.Id, VietnameseText.Fold(row[Product])), out var found))
            {
                return RowResult.Refused(row.Number, label, [$"{Product}: \"{row[Product]}\" không phải sản phẩm của chủ thể này."]);
            }

            productId = found;
        }

        var command = new SaveSupportRecord.Command();
        var key = (subject.Id, kind ?? default, on ?? default, VietnameseText.Fold(row[Description]));
        if (kind is not null && on is not null && records.TryGetValue(key, out var recordId)
            && await context.Db.SupportRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, ct) is { } recorded)
        {
            command = SaveSupportRecord.From(recorded);
        }

        // The cells given, on top of what is recorded (an empty cell changes nothing).
        command.SubjectId = subject.Id;
        command.ProductId = productId ?? command.ProductId;
        command.Kind = kind ?? command.Kind;
        command.Description = row[Description].Length > 0 ? row[Description] : command.Description;
        command.On = on ?? command.On;
        command.AmountVnd = amount ?? command.AmountVnd;
        command.PaidVnd = paid ?? command.PaidVnd;
        command.Source = source ?? command.Source;
        command.Reference = row[Reference].Length > 0 ? row[Reference] : command.Reference;
        var result = await save.RunAsync(context.Scope, command, save: false, ct: ct);
        if (!result.IsDone)
        {
            return RowResult.Refused(row.Number, label, SubjectRows.Reasons(result, ColumnOf));
        }

        var saved = result.Value!;
        return new RowResult(row.Number, saved.Created ? RowStatus.Created : saved.Changed ? RowStatus.Updated : RowStatus.Unchanged, label, []);
    }
}
