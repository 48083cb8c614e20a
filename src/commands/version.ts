import {release, type} from 'node:os';
import {Command, Flags} from '@oclif/core';

export interface VersionInfo {
  cliVersion: string;
  architecture: string;
  nodeVersion: string;
  pluginVersions?: string[];
  osVersion?: string;
}

export default class Version extends Command {
  static override summary =
    'Print the version of synthnlu (with --verbose: of Node, the OS and each plugin).';
  static override description =
    'The first line is what a bug report needs: synthnlu/<version> <platform>-<arch> node-<version>. `synthnlu --version` prints the same line.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --verbose --json',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    verbose: Flags.boolean({
      description: 'Also print the Node version, the operating system and every plugin.',
    }),
  };

  async run(): Promise<VersionInfo> {
    const {flags} = await this.parse(Version);
    const info: VersionInfo = {
      cliVersion: `${this.config.name}/${this.config.version}`,
      architecture: `${this.config.platform}-${this.config.arch}`,
      nodeVersion: `node-${process.versions.node}`,
    };
    if (!flags.verbose) {
      this.log(this.config.userAgent);
      return info;
    }
    info.pluginVersions = this.config
      .getPluginsList()
      .filter((p) => p.name !== this.config.name)
      .map((p) => `${p.name} ${p.version} (${p.type})`);
    info.osVersion = `${type()} ${release()}`;
    this.log(`CLI Version: ${info.cliVersion}`);
    this.log(`Architecture: ${info.architecture}`);
    this.log(`Node Version: ${info.nodeVersion}`);
    this.log(`OS and Version: ${info.osVersion}`);
    this.log(`Plugin Versions:\n${info.pluginVersions.map((p) => `  ${p}`).join('\n')}`);
    return info;
  }
}
