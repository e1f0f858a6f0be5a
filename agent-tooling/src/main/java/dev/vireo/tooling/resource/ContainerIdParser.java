package dev.vireo.tooling.resource;

/**
 * Finds the 64-hex-digit container id in {@code /proc/self/cgroup} (cgroup v1, or v2 without a private cgroup
 * namespace) and in {@code /proc/self/mountinfo} (cgroup v2, where the cgroup file only says {@code 0::/}).
 *
 * <p>Recognised forms of a cgroup path's last segment: {@code <id>} (cgroupfs driver, e.g.
 * {@code /kubepods/burstable/pod<uid>/<id>} or {@code /docker/<id>}), and the systemd driver's
 * {@code cri-containerd-<id>.scope}, {@code crio-<id>.scope}, {@code docker-<id>.scope}.
 *
 * <p>In mountinfo, Docker's per-container directory {@code /var/lib/docker/containers/<id>/...} (the source of
 * {@code /etc/hostname}, {@code /etc/hosts}, {@code /etc/resolv.conf}), plus a cgroup2 mount whose root still shows
 * the scope. Limits, on purpose: containerd's {@code .../sandboxes/<id>/hostname} and CRI-O's
 * {@code .../overlay-containers/<id>/userdata/hostname} name the pod sandbox (pause container), not the application
 * container, so they are not used: a wrong id is worse than none. Docker inside Kubernetes (dockershim) shares the
 * sandbox's hostname file too, but pods on Docker are cgroup v1, where the cgroup file is read first and is exact.
 * With cgroup v2 and a private cgroup namespace under containerd or CRI-O the id is simply not visible from inside.
 */
public final class ContainerIdParser {

  private static final int ID_LENGTH = 64;

  private ContainerIdParser() {}

  /** The container id from the contents of {@code /proc/self/cgroup}, or {@code null}. */
  public static String fromCgroup(String cgroupFile) {
    if (cgroupFile == null) {
      return null;
    }
    for (String line : cgroupFile.split("\n")) {
      // hierarchy-id:controllers:path; the path itself may contain ':' (never seen in practice, but be safe).
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second < 0) {
        continue;
      }
      String id = fromCgroupPath(line.substring(second + 1).trim());
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** The container id from the contents of {@code /proc/self/mountinfo}, or {@code null}. */
  public static String fromMountinfo(String mountinfoFile) {
    if (mountinfoFile == null) {
      return null;
    }
    for (String line : mountinfoFile.split("\n")) {
      // Fields: mount-id parent-id major:minor root mount-point options ... ; root is the 4th field.
      String[] fields = line.trim().split(" ");
      if (fields.length < 5) {
        continue;
      }
      String id = fromMountRoot(fields[3]);
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  static String fromCgroupPath(String path) {
    int slash = path.lastIndexOf('/');
    String segment = slash < 0 ? path : path.substring(slash + 1);
    return fromScopeSegment(segment);
  }

  /** {@code <id>}, {@code <runtime>-<id>.scope} or {@code <runtime>:<id>} to {@code <id>}. */
  private static String fromScopeSegment(String segment) {
    String name = segment.endsWith(".scope") ? segment.substring(0, segment.length() - ".scope".length()) : segment;
    int separator = Math.max(name.lastIndexOf('-'), name.lastIndexOf(':'));
    String candidate = separator < 0 ? name : name.substring(separator + 1);
    return isContainerId(candidate) ? candidate : null;
  }

  private static String fromMountRoot(String root) {
    String[] segments = root.split("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if ("containers".equals(segment) && i + 1 < segments.length && isContainerId(segments[i + 1])) {
        return segments[i + 1];
      }
    }
    // A cgroup2 mount without a private cgroup namespace: root is the container's own scope.
    if (root.endsWith(".scope")) {
      return fromCgroupPath(root);
    }
    return null;
  }

  static boolean isContainerId(String candidate) {
    if (candidate.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = candidate.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
