using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Corrects what a legal basis fixes for ranking: the lower bound of each star, which stars are recognised, and the
/// star-minimum rule. The record gets a new value (audited); results already written when a round closed keep theirs.
/// </summary>
public sealed class SaveLegalBasis(OcopDbContext db)
{
    public const string StaleMessage = "Căn cứ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The legal basis changed. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int Id { get; set; }
        public int Version { get; set; }
        public List<BandInput> Bands { get; set; } = [];
        public MinimumConsensus Consensus { get; set; }
        [Required(ErrorMessage = "Nhập quy tắc yêu cầu tối thiểu."), StringLength(2000, ErrorMessage = "Tối đa 2000 ký tự.")]
        public string Statement { get; set; } = "";
    }

    public sealed class BandInput
    {
        public int Stars { get; set; }
        public string? From { get; set; }
        public bool Recognised { get; set; }
    }

    public sealed record Saved(int Id, string Code, int Version);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!ScoresheetVersions.CanManage(scope.Role))
        {
            return WriteResult.Refused<Saved>(ScoresheetVersions.RefusedMessage);
        }

        var record = await db.LegalBases.SingleOrDefaultAsync(b => b.Id == command.Id, ct);
        if (record is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy căn cứ pháp lý.");
        }

        if (record.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var basis = record.ToModel();
        command.Statement = command.Statement?.Trim() ?? "";
        var errors = FieldErrorList.Annotations(command);
        if (!Enum.IsDefined(command.Consensus))
        {
            errors.Add(nameof(Command.Consensus), "Chọn cách quyết định yêu cầu tối thiểu.");
        }

        var bands = ReadBands(basis, command, errors);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        record.Definition = LawJson.Write(basis with
        {
            StarBands = bands,
            Minimums = basis.Minimums with { Consensus = command.Consensus, Statement = command.Statement },
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(record.Id, basis.Code, record.Version));
    }

    private static List<StarBand> ReadBands(LegalBasis basis, Command input, FieldErrorList errors)
    {
        var bands = new List<StarBand>();
        var expected = basis.StarBands.Select(b => b.Stars).OrderBy(s => s).ToList();
        if (!input.Bands.Select(b => b.Stars).OrderBy(s => s).SequenceEqual(expected))
        {
            errors.Add("", "Danh sách hạng sao không khớp với căn cứ. Tải lại trang rồi sửa lại.");
            return bands;
        }

        for (var i = 0; i < input.Bands.Count; i++)
        {
            var band = input.Bands[i];
            if (!Points.TryParse(band.From, out var from) || from < Points.Zero || from > basis.TotalPoints)
            {
                errors.Add($"Bands[{i}].From", $"Ngưỡng phải là số từ 0 đến {basis.TotalPoints.ToVietnamese()}, tối đa một chữ số thập phân.");
                continue;
            }

            bands.Add(new StarBand(band.Stars, from, band.Recognised));
        }

        var ordered = bands.OrderBy(b => b.Stars).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].From)
            {
                var index = input.Bands.FindIndex(b => b.Stars == ordered[i].Stars);
                errors.Add($"Bands[{index}].From",
                    $"Ngưỡng {ordered[i].Stars} sao phải cao hơn ngưỡng {ordered[i - 1].Stars} sao ({ordered[i - 1].From.ToVietnamese()}).");
            }
        }

        if (bands.Count == expected.Count && !bands.Any(b => b.Recognised))
        {
            errors.Add("", "Phải có ít nhất một hạng sao được công nhận.");
        }

        return ordered;
    }
}
