using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Products;
using Ocop.Web.Features.Subjects;

namespace Ocop.Web.Features.Import;

/// <summary>
/// A list of products, one row per product with its subject, as offices keep them. The subject is found by its
/// registration number or tax code, else by name in the commune; a subject not yet recorded is created from the row
/// (its legal form, representative, address and registration date are then needed). A product is matched by its name
/// under its subject; matched, the cells given change it. Each row goes through <see cref="SaveSubject"/> and
/// <see cref="SaveProduct"/>, the forms' own use cases; a refused row leaves nothing, not even its new subject.
/// </summary>
public sealed class ProductRows(SaveProduct saveProduct, SaveSubject saveSubject) : IRowImporter
{
    public const string Name = "Tên sản phẩm", Subject = "Chủ thể", SubjectNumber = "Số ĐKKD hoặc mã số thuế chủ thể",
        Form = "Loại hình chủ thể", Representative = "Người đại diện", Address = "Địa chỉ chủ thể", RegisteredOn = "Ngày đăng ký chủ thể",
        Commune = "Xã, phường", District = "Huyện (trước 01/7/2025)", Province = "Tỉnh", Group = "Nhóm sản phẩm", Status = "Trạng thái",
        Gtin = "Mã vạch GTIN", Standards = "Tiêu chuẩn, chứng nhận", Description = "Mô tả";

    private Dictionary<(int SubjectId, string Name), int> products = [];

    public ImportKind Kind => ImportKind.Products;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Name, true, "Tên sản phẩm như trên nhãn"),
        new(Subject, true, "Tên chủ thể: đã có trong hệ thống, hoặc thêm mới từ các cột chủ thể"),
        new(SubjectNumber, false, "Dùng để nhận ra chủ thể khi tên viết khác"),
        new(Form, false, "Bắt buộc khi chủ thể chưa có", ImportTemplate.LegalForms),
        new(Representative, false, "Bắt buộc khi chủ thể chưa có"),
        new(Address, false, "Bắt buộc khi chủ thể chưa có"),
        new(RegisteredOn, false, "dd/mm/yyyy; bắt buộc khi chủ thể chưa có; xã cũ được hiểu theo ngày này"),
        new(Commune, true, "Xã sản xuất: tên mới hoặc cũ, hoặc mã xã", ImportTemplate.Communes),
        new(District, false, "Ghi khi tên xã trùng với xã khác"),
        new(Province, false, "Ghi khi tên xã trùng với xã khác"),
        new(Group, true, "Mã phân nhóm (I.3.b) hoặc tên", ImportTemplate.Groups),
        new(Status, false, "Mặc định: Đã đăng ký", ImportTemplate.Statuses),
        new(Gtin, false, "8, 12, 13 hoặc 14 chữ số"),
        new(Standards, false, "Các tiêu chuẩn, cách nhau bởi dấu phẩy", ImportTemplate.StandardList),
        new(Description, false, ""),
    ];

    private static readonly Dictionary<string, string> ProductColumns = new(StringComparer.Ordinal)
    {
        [nameof(SaveProduct.Command.Name)] = Name,
        [nameof(SaveProduct.Command.SubjectId)] = Subject,
        [nameof(SaveProduct.Command.CommuneId)] = Commune,
        [nameof(SaveProduct.Command.CategoryId)] = Group,
        [nameof(SaveProduct.Command.Status)] = Status,
        [nameof(SaveProduct.Command.Gtin)] = Gtin,
        [nameof(SaveProduct.Command.Standards)] = Standards,
        [nameof(SaveProduct.Command.Description)] = Description,
    };

    private static readonly Dictionary<string, string> SubjectColumns = new(StringComparer.Ordinal)
    {
        [nameof(SaveSubject.Command.Name)] = Subject,
        [nameof(SaveSubject.Command.LegalForm)] = Form,
        [nameof(SaveSubject.Command.RegistrationNumber)] = SubjectNumber,
        [nameof(SaveSubject.Command.TaxCode)] = SubjectNumber,
        [nameof(SaveSubject.Command.CommuneId)] = Commune,
        [nameof(SaveSubject.Command.Address)] = Address,
        [nameof(SaveSubject.Command.Representative)] = Representative,
        [nameof(SaveSubject.Command.RegisteredOn)] = RegisteredOn,
    };

    public string DuplicateKey(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join('|', VietnameseText.Fold(row[Name]), row[SubjectNumber].Length > 0 ? row[SubjectNumber] : VietnameseText.Fold(row[Subject]));
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
    }

    public async Task<RowResult> ImportAsync(ImportContext context, ImportRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        var label = row[Subject].Length > 0 ? $"{row[Name]} — {row[Subject]}" : row[Name];
        var problems = new List<string>();
        var (registered, dateProblem) = CellText.Date(row[RegisteredOn], RegisteredOn);
        var commune = context.Communes.Find(row[Commune], row[District].Length > 0 ? row[District] : row[Province], registered ?? context.Today);
        var (status, statusProblem) = CellText.Choice<ProductStatus>(row[Status], Status);
        var (standards, standardsProblem) = CellText.Choices<ProductStandards>(row[Standards], Standards);
        int? category = null;
        if (row[Group].Length > 0)
        {
            category = context.Categories.TryGetValue(VietnameseText.Fold(row[Group]), out var id) ? id : null;
            problems.AddRange(category is null ? [$"{Group}: \"{row[Group]}\" không phải phân nhóm sản phẩm có bộ tiêu chí (ghi mã như I.3.b)."] : []);
        }

        problems.AddRange(new[] { dateProblem, commune.Problem is null ? null : $"{Commune}: {commune.Problem}", statusProblem, standardsProblem }.OfType<string>());
        if (row[Subject].Length == 0)
        {
            problems.Add($"{Subject}: Nhập tên chủ thể.");
        }

        if (problems.Count > 0)
        {
            return RowResult.Refused(row.Number, label, problems);
        }

        var number = row[SubjectNumber].Length > 0 ? row[SubjectNumber] : null;
        var subject = context.FindSubject(row[Subject], number, commune.UnitId);
        var createdSubject = false;
        if (subject is null)
        {
            var (newSubject, refusal) = await CreateSubjectAsync(context, row, commune.UnitId!.Value, registered, number, ct);
            if (refusal is not null)
            {
                return RowResult.Refused(row.Number, label, refusal);
            }

            subject = newSubject!;
            createdSubject = true;
        }

        SaveProduct.Command command = new() { SubjectId = subject.Id, Status = ProductStatus.Registered };
        if (products.TryGetValue((subject.Id, VietnameseText.Fold(row[Name])), out var productId)
            && await ProductDetail.LoadAsync(context.Db, context.Scope, productId, ct) is { } recorded)
        {
            command = new SaveProduct.Command
            {
                Id = recorded.Id,
                Version = recorded.Version,
                Name = recorded.Name,
                SubjectId = recorded.SubjectId,
                CommuneId = recorded.CommuneId,
                CategoryId = context.Categories.GetValueOrDefault(VietnameseText.Fold(recorded.CategoryCode)),
                Status = recorded.Status,
                Standards = Enum.GetValues<ProductStandards>().Where(s => s != ProductStandards.None && recorded.Standards.HasFlag(s)).ToList(),
                Gtin = recorded.Gtin,
                Description = recorded.Description,
                Story = recorded.Story,
            };
            // A recorded product stays in its commune when the row names the same place by its other (old or new) name.
            if (context.SamePlace(recorded.CommuneId, commune.UnitId!.Value))
            {
                commune = commune with { UnitId = recorded.CommuneId };
            }
        }

        command.Name = row[Name];
        command.CommuneId = commune.UnitId;
        command.CategoryId = category ?? command.CategoryId;
        command.Status = status ?? command.Status;
        command.Standards = row[Standards].Length > 0 ? standards : command.Standards;
        command.Gtin = row[Gtin].Length > 0 ? row[Gtin] : command.Gtin;
        command.Description = row[Description].Length > 0 ? row[Description] : command.Description;
        var result = await saveProduct.RunAsync(context.Scope, command, save: false, ct);
        if (!result.IsDone)
        {
            if (createdSubject)
            {
                await context.UndoRowAsync(ct);
                context.Forget(subject);
            }

            return RowResult.Refused(row.Number, label, SubjectRows.Reasons(result, ProductColumns));
        }

        var saved = result.Value!;
        return new RowResult(row.Number, saved.Created ? RowStatus.Created : saved.Changed ? RowStatus.Updated : RowStatus.Unchanged, label, []);
    }

    /// <summary>
    /// A new subject from the row's subject columns, written at once (the product needs its id) after a savepoint, so a
    /// product refused afterwards takes its subject back with it.
    /// </summary>
    private async Task<(ImportContext.SubjectKey? Subject, List<string>? Refusal)> CreateSubjectAsync(
        ImportContext context, ImportRow row, int communeId, DateOnly? registered, string? number, CancellationToken ct)
    {
        var (form, formProblem) = CellText.Choice(row[Form], Form, ImportContext.LegalFormAliases);
        if (formProblem is not null)
        {
            return (null, [formProblem]);
        }

        var command = new SaveSubject.Command
        {
            Name = row[Subject],
            LegalForm = form,
            CommuneId = communeId,
            RegisteredOn = registered,
            Address = row[Address],
            Representative = row[Representative],
            RegistrationNumber = number is not null && !number.All(char.IsAsciiDigit) ? number : null,
            TaxCode = number is not null && number.All(c => char.IsAsciiDigit(c) || c == '-') && number.Length >= 10 ? number : null,
        };
        await context.BeginRowAsync(ct);
        // Saved at once (inside the import's transaction, after the savepoint): the product needs the subject's real id.
        var result = await saveSubject.RunAsync(context.Scope, command, save: true, ct);
        if (!result.IsDone)
        {
            await context.UndoRowAsync(ct);
            return (null, SubjectRows.Reasons(result, SubjectColumns, "Chủ thể mới: ").ToList());
        }

        var key = new ImportContext.SubjectKey(result.Value!.Id, command.Name, communeId, command.RegistrationNumber, command.TaxCode);
        context.Remember(key);
        return (key, null);
    }
}
