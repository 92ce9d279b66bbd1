// Command mmserver runs the Mattermost server command line from the upstream
// module. It exists only so that the functional tests of mattermostdriver can
// build a real server through the Go module proxy.
package main

import (
	"os"

	"github.com/mattermost/mattermost/server/v8/cmd/mattermost/commands"

	_ "github.com/mattermost/mattermost/server/v8/channels/app/oauthproviders/gitlab"
	_ "github.com/mattermost/mattermost/server/v8/channels/app/slashcommands"
)

func main() {
	if err := commands.Run(os.Args[1:]); err != nil {
		os.Exit(1)
	}
}
