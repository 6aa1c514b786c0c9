namespace PgPlatform.Stacks.Rotation;

/// <summary>A rotation was asked for while another is recorded as in progress.</summary>
public sealed class RotationInProgressException(string pending, string resume, string rollBack)
    : Exception($"{pending} is not finished: to finish it, {resume}; to return to the old login, {rollBack}");
