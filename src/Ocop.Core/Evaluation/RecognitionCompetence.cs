using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>The unit whose committee signs a recognition, with its life: a decision is refused on a day it did not exist.</summary>
public sealed record DecidingUnit(string Name, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool ExistsOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo.Value);
}

/// <summary>One product of a recognition decision, as the rules see it.</summary>
/// <param name="ScoreHundredths">The score (council mean) in hundredths, when known: a transcribed decision may print none.</param>
/// <param name="Unit">The deciding unit on the signing date; null for the central level (the ministry) or when unknown.</param>
public sealed record RecognitionRequest(EvaluationLevel Level, int Stars, DateOnly SignedOn, int? ScoreHundredths, DecidingUnit? Unit);

/// <summary>The verdict on a recognition: the process it was checked under, and why it is refused (empty when allowed).</summary>
public sealed record RecognitionVerdict(EvaluationProcess? Process, IReadOnlyList<string> Refusals)
{
    public bool Allowed => Refusals.Count == 0;
}

/// <summary>
/// Whether a recognition may stand: checked against the process in force on its signing date (or, for a round's
/// decision, the round's own process while the transition lets it finish), whoever records it and however: the level
/// must be the one that recognises that star, the score must reach the star's band (a star minimum may cap a star
/// below its score's band, never lift it above), and the deciding unit must exist on that day.
/// </summary>
public static class RecognitionCompetence
{
    /// <param name="catalog">The processes as stored.</param>
    /// <param name="bases">The legal bases as stored (for the star bands).</param>
    /// <param name="roundProcess">The round's process, for a decision that follows a round.</param>
    public static RecognitionVerdict Check(RecognitionRequest request, IReadOnlyList<EvaluationProcess> catalog, IReadOnlyList<LegalBasis> bases,
        EvaluationProcess? roundProcess = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var process = ProcessFor(request.SignedOn, catalog, roundProcess);
        var refusals = new List<string>();
        var date = Date(request.SignedOn);
        if (process is null)
        {
            refusals.Add($"Ngày {date} chưa có quy trình đánh giá, phân hạng nào trong hệ thống (trước Quyết định 148/QĐ-TTg ngày 24/02/2023).");
            return new RecognitionVerdict(null, refusals);
        }

        var stars = request.Stars.ToString(CultureInfo.InvariantCulture);
        var level = EvaluationProcess.Vietnamese(request.Level);
        if (process.Role(request.Level) is null)
        {
            refusals.Add($"Theo {process.Name}, không có {level} vào ngày {date}.");
        }
        else if (process.RecognisingLevel(request.Stars) is not EvaluationLevel competent)
        {
            refusals.Add($"Sản phẩm {stars} sao không được công nhận: chỉ công nhận từ 3 sao.");
        }
        else if (competent != request.Level)
        {
            refusals.Add($"Theo {process.Name}, sản phẩm {stars} sao do {EvaluationProcess.Vietnamese(competent)} công nhận, không phải {level}.");
        }

        var basis = bases.FirstOrDefault(b => string.Equals(b.Code, process.LegalBasisCode, StringComparison.OrdinalIgnoreCase));
        if (request.ScoreHundredths is int score && basis?.Band(request.Stars) is StarBand band && score < band.From.Tenths * 10)
        {
            var earned = basis.StarForScore(new MeanScore(score, 10));
            refusals.Add($"Hạng {stars} sao cần từ {band.From.ToVietnamese()} điểm; điểm {Score(score)} chỉ đạt "
                + (earned is int e ? $"{e.ToString(CultureInfo.InvariantCulture)} sao." : "dưới mọi hạng sao."));
        }

        if (request.Unit is DecidingUnit unit && !unit.ExistsOn(request.SignedOn))
        {
            refusals.Add(unit.ValidTo is DateOnly last && request.SignedOn > last
                ? $"{unit.Name} chấm dứt hoạt động sau ngày {Date(last)}: không thể ra quyết định ngày {date}."
                : $"{unit.Name} chỉ được thành lập từ ngày {Date(unit.ValidFrom)}: không thể ra quyết định ngày {date}.");
        }

        return new RecognitionVerdict(process, refusals);
    }

    /// <summary>
    /// The process a decision signed on <paramref name="signedOn"/> is checked under: the round's process while it is in
    /// force or in its transition, otherwise the process in force on that day.
    /// </summary>
    public static EvaluationProcess? ProcessFor(DateOnly signedOn, IReadOnlyList<EvaluationProcess> catalog, EvaluationProcess? roundProcess = null)
    {
        if (roundProcess is not null && signedOn >= roundProcess.EffectiveFrom
            && EvaluationProcesses.Check(roundProcess, signedOn, processes: catalog).Standing is ProcessStanding.InForce or ProcessStanding.Transition)
        {
            return roundProcess;
        }

        return EvaluationProcesses.InForceOn(signedOn, catalog);
    }

    private static string Score(int hundredths) =>
        (hundredths / 100m).ToString(hundredths % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
