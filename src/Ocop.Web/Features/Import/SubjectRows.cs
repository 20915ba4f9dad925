using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Features.Subjects;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// A list of subjects: a row is matched to a recorded subject by its registration number or tax code, else by name in
/// its commune; matched, the cells given change it (an empty cell keeps what is recorded), else a subject is created.
/// Each row goes through <see cref="SaveSubject"/>, the subject form's own use case.
/// </summary>
public sealed class SubjectRows(SaveSubject save) : IRowImporter
{
    public const string Name = "Tên chủ thể", Form = "Loại hình", Number = "Số đăng ký kinh doanh", TaxCode = "Mã số thuế",
        Commune = "Xã, phường", District = "Huyện (trước 01/7/2025)", Province = "Tỉnh", Address = "Địa chỉ", Representative = "Người đại diện",
        Phone = "Điện thoại", Email = "Thư điện tử", RegisteredOn = "Ngày đăng ký, thành lập", Workers = "Tổng số lao động",
        LocalWorkers = "Lao động địa phương", TrainedWorkers = "Lao động qua đào tạo", WomenLed = "Nữ làm chủ",
        MinorityLed = "Người dân tộc thiểu số làm chủ", Channels = "Kênh bán hàng";

    public ImportKind Kind => ImportKind.Subjects;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Name, true, "Tên đầy đủ: Hợp tác xã …, Hộ kinh doanh …"),
        new(Form, true, "Chọn trong danh sách (HTX, THT, HKD cũng được)", ImportTemplate.LegalForms),
        new(Number, false, "Số giấy chứng nhận đăng ký; dùng để nhận ra chủ thể khi nhập lại"),
        new(TaxCode, false, "10 chữ số (hoặc 10 chữ số-3 chữ số)"),
        new(Commune, true, "Tên xã mới hoặc cũ (trước 01/7/2025), hoặc mã xã", ImportTemplate.Communes),
        new(District, false, "Ghi khi tên xã trùng với xã khác"),
        new(Province, false, "Ghi khi tên xã trùng với xã khác"),
        new(Address, true, "Ấp, khóm …"),
        new(Representative, true, "Họ tên người đại diện"),
        new(Phone, false, ""),
        new(Email, false, ""),
        new(RegisteredOn, true, "dd/mm/yyyy; xã cũ được hiểu theo ngày này"),
        new(Workers, false, "Số nguyên"),
        new(LocalWorkers, false, "Số nguyên"),
        new(TrainedWorkers, false, "Số nguyên"),
        new(WomenLed, false, "Có / Không"),
        new(MinorityLed, false, "Có / Không"),
        new(Channels, false, "Các kênh, cách nhau bởi dấu phẩy", ImportTemplate.SalesChannelList),
    ];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        [nameof(SaveSubject.Command.Name)] = Name,
        [nameof(SaveSubject.Command.LegalForm)] = Form,
        [nameof(SaveSubject.Command.RegistrationNumber)] = Number,
        [nameof(SaveSubject.Command.TaxCode)] = TaxCode,
        [nameof(SaveSubject.Command.CommuneId)] = Commune,
        [nameof(SaveSubject.Command.Address)] = Address,
        [nameof(SaveSubject.Command.Representative)] = Representative,
        [nameof(SaveSubject.Command.Phone)] = Phone,
        [nameof(SaveSubject.Command.Email)] = Email,
        [nameof(SaveSubject.Command.RegisteredOn)] = RegisteredOn,
        [nameof(SaveSubject.Command.WorkersTotal)] = Workers,
        [nameof(SaveSubject.Command.WorkersLocal)] = LocalWorkers,
        [nameof(SaveSubject.Command.WorkersTrained)] = TrainedWorkers,
        [nameof(SaveSubject.Command.SalesChannels)] = Channels,
        [nameof(SaveSubject.Command.EffectiveOn)] = RegisteredOn,
    };

    public string DuplicateKey(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var number = row[Number].Length > 0 ? row[Number] : row[TaxCode];
        return number.Length > 0 ? "so:" + number : string.Join('|', VietnameseText.Fold(row[Name]), CommunesKey(row));
    }

    internal static string CommunesKey(ImportRow row) => string.Join('|', Core.Import.CommuneNames.Key(row[Commune]), Core.Import.CommuneNames.Key(row[District]));

    public Task PrepareAsync(ImportContext context, CancellationToken ct) => Task.CompletedTask;

    public async Task<RowResult> ImportAsync(ImportContext context, ImportRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        var label = row[Name];
        var problems = new List<string>();
        var (registered, dateProblem) = CellText.Date(row[RegisteredOn], RegisteredOn);
        Add(problems, dateProblem);
        var commune = context.Communes.Find(row[Commune], row[District].Length > 0 ? row[District] : row[Province], registered ?? context.Today);
        Add(problems, commune.Problem is null ? null : $"{Commune}: {commune.Problem}");
        var (form, formProblem) = CellText.Choice(row[Form], Form, ImportContext.LegalFormAliases);
        Add(problems, formProblem);
        var (workers, w1) = CellText.Whole(row[Workers], Workers);
        var (local, w2) = CellText.Whole(row[LocalWorkers], LocalWorkers);
        var (trained, w3) = CellText.Whole(row[TrainedWorkers], TrainedWorkers);
        var (channels, channelProblem) = CellText.Choices<SalesChannels>(row[Channels], Channels);
        problems.AddRange(new[] { w1, w2, w3, channelProblem }.OfType<string>());
        if (problems.Count > 0)
        {
            return RowResult.Refused(row.Number, label, problems);
        }

        var number = row[Number].Length > 0 ? row[Number] : null;
        var existing = context.FindSubject(row[Name], number ?? (row[TaxCode].Length > 0 ? row[TaxCode] : null), commune.UnitId);
        SaveSubject.Command command;
        if (existing is not null)
        {
            var detail = await SubjectDetail.LoadAsync(context.Db, context.Scope, existing.Id, ct);
            if (detail is null)
            {
                return RowResult.Refused(row.Number, label, ["Bạn không được sửa chủ thể này."]);
            }

            command = FromDetail(detail);
            command.EffectiveOn = context.Today;
        }
        else
        {
            command = new SaveSubject.Command();
        }

        // A recorded subject stays in its commune when the row names the same place by its other (old or new) name.
        var place = existing is not null && context.SamePlace(existing.CommuneId, commune.UnitId!.Value) ? existing.CommuneId : commune.UnitId;
        Overlay(command, row, form, place, registered, workers, local, trained, channels);
        var result = await save.RunAsync(context.Scope, command, save: false, ct);
        if (!result.IsDone)
        {
            return RowResult.Refused(row.Number, label, Reasons(result, ColumnOf));
        }

        var saved = result.Value!;
        return new RowResult(row.Number, saved.Created ? RowStatus.Created : saved.Changed ? RowStatus.Updated : RowStatus.Unchanged, label, []);
    }

    /// <summary>A recorded subject as a command that changes nothing.</summary>
    internal static SaveSubject.Command FromDetail(SubjectDetail d) => new()
    {
        Id = d.Id,
        Version = d.Version,
        Name = d.Name,
        LegalForm = d.LegalForm,
        RegistrationNumber = d.RegistrationNumber,
        TaxCode = d.TaxCode,
        CommuneId = d.CommuneId,
        RegisteredOn = d.RegisteredOn,
        Address = d.Address,
        Representative = d.Representative,
        Phone = d.Phone,
        Email = d.Email,
        WomenLed = d.WomenLed,
        EthnicMinorityLed = d.EthnicMinorityLed,
        WorkersTotal = d.WorkersTotal,
        WorkersLocal = d.WorkersLocal,
        WorkersTrained = d.WorkersTrained,
        CraftVillageId = d.CraftVillageId,
        GreenValueChain = d.GreenValueChain,
        RawMaterialEvidence = d.RawMaterialEvidence,
        RawMaterialAreaHa = d.RawMaterialAreaHa,
        SalesChannels = d.SalesChannels,
    };

    /// <summary>The cells a row gives, on top of what is recorded (an empty cell changes nothing).</summary>
    private static void Overlay(SaveSubject.Command c, ImportRow row, LegalForm? form, int? commune, DateOnly? registered,
        int? workers, int? local, int? trained, List<SalesChannels> channels)
    {
        c.Name = row[Name].Length > 0 ? row[Name] : c.Name;
        c.LegalForm = form ?? c.LegalForm;
        c.RegistrationNumber = Keep(row[Number], c.RegistrationNumber);
        c.TaxCode = Keep(row[TaxCode], c.TaxCode);
        c.CommuneId = commune ?? c.CommuneId;
        c.Address = row[Address].Length > 0 ? row[Address] : c.Address;
        c.Representative = row[Representative].Length > 0 ? row[Representative] : c.Representative;
        c.Phone = Keep(row[Phone], c.Phone);
        c.Email = Keep(row[Email], c.Email);
        c.RegisteredOn = registered ?? c.RegisteredOn;
        c.WorkersTotal = workers ?? c.WorkersTotal;
        c.WorkersLocal = local ?? c.WorkersLocal;
        c.WorkersTrained = trained ?? c.WorkersTrained;
        c.WomenLed = row[WomenLed].Length > 0 ? CellText.Yes(row[WomenLed]) : c.WomenLed;
        c.EthnicMinorityLed = row[MinorityLed].Length > 0 ? CellText.Yes(row[MinorityLed]) : c.EthnicMinorityLed;
        c.SalesChannels = row[Channels].Length > 0 ? channels : c.SalesChannels;
    }

    private static string? Keep(string cell, string? recorded) => cell.Length > 0 ? cell : recorded;

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    /// <summary>A use case's refusal as reasons a person reads beside the row: each field error under its column's name.</summary>
    internal static IEnumerable<string> Reasons<T>(WriteResult<T> result, IReadOnlyDictionary<string, string> columnOf, string prefix = "")
    {
        if (result.Message is not null)
        {
            yield return prefix + result.Message;
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                yield return prefix + (columnOf.TryGetValue(field, out var column) ? $"{column}: {message}" : message);
            }
        }
    }
}
